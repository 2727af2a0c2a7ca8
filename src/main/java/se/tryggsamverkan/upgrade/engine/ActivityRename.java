package se.tryggsamverkan.upgrade.engine;

import java.util.List;

/**
 * An activity whose id changed between two released models: its running instances move from {@code from} to
 * {@code to}. The engine maps every activity whose id, type and place stayed the same by itself; a rename is the one
 * thing it cannot guess (ADR 13). Applied whenever the older version has {@code from} and the newest has {@code to}
 * but not {@code from}, so one entry serves every older version. A multi-instance activity's body moves with it.
 */
public record ActivityRename(String processKey, String from, String to) {

  /**
   * The renames of every release so far, oldest first. None yet: no released model has renamed an activity that
   * an instance can wait in. A release that renames one adds it here in the same commit (the model test checks
   * that every wait state of the previous released model is either in the new one or renamed here).
   */
  public static final List<ActivityRename> RELEASED = List.of();
}
