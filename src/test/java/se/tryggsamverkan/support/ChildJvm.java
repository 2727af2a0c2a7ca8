package se.tryggsamverkan.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import se.tryggsamverkan.TryggSamverkanApplication;

/** The application in a JVM of its own, as an operator runs it: started in a folder, killed with SIGKILL. */
public final class ChildJvm {

  private ChildJvm() {
  }

  /** Starts the application in {@code folder} (its ./data/ is there) and waits until it is ready. */
  public static Process start(Path folder, int port, Path log, String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-Xmx512m", "-cp", classpath(), TryggSamverkanApplication.class.getName(),
        "--server.port=" + port));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    Http http = new Http(port);
    Instant end = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(end)) {
      if (!process.isAlive()) {
        throw new AssertionError("The application stopped at start; see " + log);
      }
      try {
        if (http.get("/actuator/health/readiness", null, null).body().contains("\"UP\"")) {
          return process;
        }
      } catch (RuntimeException notYet) {
        // starting
      }
      Thread.sleep(500);
    }
    process.destroyForcibly();
    throw new AssertionError("The application was not ready within 3 minutes; see " + log);
  }

  /** This JVM's class path with absolute entries only, so that the child can run from another folder. */
  public static String classpath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.isBlank()).map(entry -> new File(entry).getAbsolutePath())
        .collect(Collectors.joining(File.pathSeparator));
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
