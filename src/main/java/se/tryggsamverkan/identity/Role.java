package se.tryggsamverkan.identity;

/**
 * The role groups tasks are assigned to, and the managers who only read. Groups are shared by all
 * municipalities; tenant membership decides whose work a member sees.
 */
public enum Role {
  POLICE_COORDINATOR("police-coordinator", "Kommunpolis (polisens samordnare)"),
  MUNICIPAL_COORDINATOR("municipal-coordinator", "Brottsförebyggande samordnare (kommunen)"),
  POLICE_STEERING("police-steering", "Lokalpolisområdeschef (styrgruppen)"),
  MUNICIPAL_STEERING("municipal-steering", "Kommundirektör / KSO (styrgruppen)"),
  ACTIVITY_OWNER("activity-owner", "Aktivitetsansvarig"),
  /** Reads its municipalities' work and history (overview, Cockpit, Tasklist) and completes nothing. */
  MANAGER("manager", "Ledning (läsbehörighet)");

  private final String groupId;
  private final String swedishName;

  Role(String groupId, String swedishName) {
    this.groupId = groupId;
    this.swedishName = swedishName;
  }

  public String groupId() {
    return groupId;
  }

  public String swedishName() {
    return swedishName;
  }
}
