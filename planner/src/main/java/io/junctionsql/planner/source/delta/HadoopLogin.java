package io.junctionsql.planner.source.delta;

import org.apache.hadoop.security.UserGroupInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives Hadoop's file systems a login when the operating system has no name for the process's user, as
 * in containers run under an arbitrary uid (OpenShift, some Kubernetes security policies). Hadoop asks
 * the OS for the user on first file access and fails every read with "Invalid UID" otherwise; Delta
 * Kernel's file access goes through Hadoop even for local files and object stores.
 */
public final class HadoopLogin {
  private static final Logger LOG = LoggerFactory.getLogger(HadoopLogin.class);
  private static volatile boolean checked;

  private HadoopLogin() {
  }

  public static void ensure() {
    if (checked) {
      return;
    }
    synchronized (HadoopLogin.class) {
      if (checked) {
        return;
      }
      try {
        UserGroupInformation.getLoginUser();
      } catch (Exception | LinkageError e) {
        String name = System.getenv().getOrDefault("HADOOP_USER_NAME", "junction");
        UserGroupInformation.setLoginUser(UserGroupInformation.createRemoteUser(name));
        LOG.warn("The operating system has no user name for this process ({}); Delta sources read as '{}'.",
            e.getMessage(), name);
      }
      checked = true;
    }
  }
}
