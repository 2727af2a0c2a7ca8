package se.tryggsamverkan.identity;

/**
 * The role groups every task is assigned to. Groups are shared by all municipalities; tenant membership
 * decides whose tasks a member sees.
 */
public enum Role {
  POLICE_COORDINATOR("police-coordinator", "Kommunpolis (polisens samordnare)"),
  MUNICIPAL_COORDINATOR("municipal-coordinator", "Brottsförebyggande samordnare (kommunen)"),
  POLICE_STEERING("police-steering", "Lokalpolisområdeschef (styrgruppen)"),
  MUNICIPAL_STEERING("municipal-steering", "Kommundirektör / KSO (styrgruppen)"),
  ACTIVITY_OWNER("activity-owner", "Aktivitetsansvarig");

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
