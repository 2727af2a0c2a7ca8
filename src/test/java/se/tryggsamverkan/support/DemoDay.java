package se.tryggsamverkan.support;

/**
 * The day the browser tests' demo is laid out for ({@code trygg.demo.today}): the engine's clock starts there and
 * ticks on, whatever the real date, so that the demo's years and the tests' expectations stay put.
 */
public final class DemoDay {

  public static final String BROWSER_TESTS = "2026-11-27T10:00";

  private DemoDay() {
  }
}
