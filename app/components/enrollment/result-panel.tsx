import { ResultEnrolled, type EnrolledResultView } from "./result-enrolled";
import { ResultOffer, type OfferView } from "./result-offer";

export type EnrollmentResultPanelView = ({ kind: "enrolled" } & EnrolledResultView) | ({ kind: "refused" } & OfferView);

/** A first-grade application's result on the parent's page: enrolled by an order, or refused with an offer. */
export function EnrollmentResultPanel({ result, number }: { result: EnrollmentResultPanelView; number: string }) {
  return result.kind === "enrolled" ? (
    <ResultEnrolled result={result} />
  ) : (
    <ResultOffer result={result} number={number} />
  );
}
