package ai.ibl.suite.mentor.chat;

import ai.ibl.suite.common.tenant.Caller;

/**
 * Who sent a prompt: a signed-in caller, or nobody (an anonymous chat on a mentor that allows it).
 *
 * @param caller the token's caller; null when anonymous
 * @param tenant the tenant the chat is in (the flow's)
 * @param limitKey whose concurrent answers are counted: the user, or the anonymous session
 */
record ChatUser(Caller caller, String tenant, String limitKey) {
  boolean anonymous() {
    return caller == null;
  }

  String username() {
    return caller == null ? null : caller.username();
  }
}
