package se.tryggsamverkan.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** At the end of the test run: applications first, then their PostgreSQL (registered in META-INF/services). */
public class StopEmbeddedPostgres implements LauncherSessionListener {

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    EmbeddedPostgres.stopAll();
  }
}
