package se.tryggsamverkan.plan;

/** How often an activity's owner reports on it (Kävlinge's annex: uppföljningsintervall). */
public enum FollowUpInterval {
  MONTHLY("Varje månad", 1),
  QUARTERLY("Varje kvartal", 3),
  HALF_YEARLY("Varje halvår", 6),
  YEARLY("En gång per år", 12);

  private final String swedishName;
  private final int months;

  FollowUpInterval(String swedishName, int months) {
    this.swedishName = swedishName;
    this.months = months;
  }

  public String swedishName() {
    return swedishName;
  }

  public int months() {
    return months;
  }
}
