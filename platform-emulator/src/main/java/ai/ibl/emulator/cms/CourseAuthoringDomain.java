package ai.ibl.emulator.cms;

import ai.ibl.emulator.core.EmulatedDomain;
import ai.ibl.emulator.core.EmulatorContext;
import ai.ibl.emulator.core.Upstream;
import io.vertx.ext.web.Router;

/** The CMS's course-authoring API: courses, reruns, XBlocks, components, SCORM, LTI passports. */
public final class CourseAuthoringDomain implements EmulatedDomain {
  @Override
  public Upstream upstream() {
    return Upstream.CMS;
  }

  @Override
  public void mount(Router router, EmulatorContext context) {}

  @Override
  public void reset() {}
}
