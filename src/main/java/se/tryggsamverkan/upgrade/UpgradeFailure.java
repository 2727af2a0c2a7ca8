package se.tryggsamverkan.upgrade;

import java.time.Instant;
import org.springframework.core.NestedExceptionUtils;

/**
 * An upgrade run that stopped on an error other than an instance the engine refused (a database error, a fault in
 * the release): when, and the error's own words. The instances it had not moved run on on their versions.
 */
public record UpgradeFailure(Instant at, String message) {

  /** The error as the health report shows it: the most specific cause, at most this long. */
  public static final int MESSAGE_MAX = 1000;

  public static UpgradeFailure of(Instant at, Throwable error) {
    Throwable cause = NestedExceptionUtils.getMostSpecificCause(error);
    String message = error.getClass().getSimpleName() + (cause == error ? "" : " (" + cause.getClass().getSimpleName()
        + ")") + ": " + cause.getMessage();
    return new UpgradeFailure(at, message.length() <= MESSAGE_MAX ? message : message.substring(0, MESSAGE_MAX) + "…");
  }
}
