package se.tryggsamverkan.plan;

/** A citizen promise (medborgarlöfte): what a party promises, and its measurable target if it has one. */
public record CitizenPromise(String text, Responsible party, PromiseTarget target) {
}
