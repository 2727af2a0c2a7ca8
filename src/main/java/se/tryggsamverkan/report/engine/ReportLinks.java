package se.tryggsamverkan.report.engine;

import se.tryggsamverkan.agreement.Agreement;

/** Where a year's report is fetched (the read API), and what its file is called. */
record ReportLinks(String pdf, String html, String baseName) {

  static ReportLinks of(Agreement agreement, int year) {
    String base = "/api/tenants/" + agreement.tenantId() + "/agreements/" + agreement.id() + "/years/" + year
        + "/report";
    return new ReportLinks(base + ".pdf", base + ".html", "uppfoljning-" + agreement.tenantId() + "-" + year);
  }

  String fileName(int version, boolean draft) {
    return baseName + (draft ? "-utkast-" + version : "") + ".pdf";
  }
}
