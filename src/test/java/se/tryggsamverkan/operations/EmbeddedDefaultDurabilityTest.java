package se.tryggsamverkan.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tryggsamverkan.support.ChildJvm;
import se.tryggsamverkan.support.Http;

/**
 * The embedded default (H2 in ./data/, as `mvn spring-boot:run` gives it) keeps every write it acknowledged when the
 * process is killed with SIGKILL. A claim answered 204 about 40 ms before a kill -9 was gone after the restart: H2
 * wrote its log up to half a second after a commit.
 */
@Tag("child-jvm")
class EmbeddedDefaultDurabilityTest {

  @TempDir Path folder;

  @Test
  void everyAcknowledgedWriteSurvivesAKillNine() throws Exception {
    int port = ChildJvm.freePort();
    Path log = Files.createDirectories(Path.of("target", "durability")).resolve("app.log").toAbsolutePath();
    Files.deleteIfExists(log);
    String[] settings = {"--trygg.demo.enabled=false", "--trygg.admin.password=admin", "--trygg.password-policy=false",
        "--camunda.bpm.job-execution.enabled=false"};
    Process app = ChildJvm.start(folder, port, log, settings);
    Http http = new Http(port);
    List<String> acknowledged = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        String id = "anna" + i;
        HttpResponse<String> created = http.post("/engine-rest/user/create", "admin", "admin",
            "{\"profile\":{\"id\":\"" + id + "\",\"firstName\":\"Anna\",\"lastName\":\"Svensson\"},"
                + "\"credentials\":{\"password\":\"hemligt-" + i + "\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
        acknowledged.add(id);
      }
    } finally {
      // at once after the last answer, as a power cut or the OOM killer would
      app.destroyForcibly().waitFor();
    }

    app = ChildJvm.start(folder, port, log, settings);
    try {
      List<String> lost = new ArrayList<>();
      for (String id : acknowledged) {
        if (http.get("/engine-rest/user/" + id + "/profile", "admin", "admin").statusCode() != 200) {
          lost.add(id);
        }
      }
      assertThat(lost).as("acknowledged, then lost with the kill -9").isEmpty();
    } finally {
      app.destroyForcibly().waitFor();
    }
  }
}
