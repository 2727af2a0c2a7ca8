package se.tryggsamverkan.onboarding;

import java.util.List;

/** A municipality with the people who work on its collaboration, as the page or the API sends it. */
public record MunicipalityInput(String tenantId, String name, String policeArea, List<Person> people) {
}
