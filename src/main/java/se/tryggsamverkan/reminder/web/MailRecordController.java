package se.tryggsamverkan.reminder.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import se.tryggsamverkan.identity.Role;
import se.tryggsamverkan.web.ApiAccess;
import se.tryggsamverkan.reminder.Outbox;

/** The record of every reminder and escalation mail, for the municipality's coordinators. */
@RestController
@RequestMapping(path = "/api/tenants/{tenantId}/mails", produces = "application/json")
@Tag(name = "E-post", description = "Påminnelser och eskaleringar som skickats, misslyckats eller inte kunnat skickas")
@SecurityRequirement(name = "basic")
class MailRecordController {

  record MailView(long id, String taskId, String taskName, String kind, LocalDate dueDate, String recipient,
      String email, String status, String error, int attempts, LocalDateTime createdAt, LocalDateTime sentAt,
      String subject, String text) {

    static MailView of(Outbox.Mail m) {
      return new MailView(m.id(), m.taskId(), m.taskName(), m.kind(), m.dueDate(), m.recipient(), m.email(),
          m.status().name(), m.lastError(), m.attempts(), m.createdAt(), m.sentAt(), m.subject(), m.bodyText());
    }
  }

  private final Outbox outbox;
  private final ApiAccess access;

  MailRecordController(Outbox outbox, ApiAccess access) {
    this.outbox = outbox;
    this.access = access;
  }

  @GetMapping
  @Operation(summary = "Kommunens utskick, senaste först")
  List<MailView> mails(@PathVariable String tenantId,
      @Parameter(description = "högst så många (1–1000)") @RequestParam(defaultValue = "200") int limit) {
    access.checkTenant(tenantId);
    access.checkRole("Utskicken visas för kommunens samordnare", Role.POLICE_COORDINATOR, Role.MUNICIPAL_COORDINATOR);
    if (limit < 1 || limit > 1000) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit ska vara mellan 1 och 1000");
    }
    return outbox.ofTenant(tenantId, limit).stream().map(MailView::of).toList();
  }
}
