# Sourced by mvnw and the scripts under deploy/ and .ci/.
# The suite targets Java 21; machines often default to an older JDK, so pick a 21+ one
# when JAVA_HOME does not already point at one. Nothing machine-specific is hard-coded:
# it looks in the usual install roots.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1; }
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(java_major "$JAVA_HOME")" -lt 21 ] 2>/dev/null; then
  for candidate in /usr/lib/jvm/* /opt/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$candidate/bin/java" ] || continue
    major=$(java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then JAVA_HOME=$candidate; export JAVA_HOME; break; fi
  done
fi
