/*
 * Which catalogue service is first-grade enrollment (запись в первый класс): its page offers the
 * "which school is my address assigned to" lookup. By the service's code in the regional register,
 * which is stable, unlike its slug or title.
 */
export const FIRST_GRADE_SERVICE_CODE = "58-EDU-001";

/** Whether a service's page links to the school lookup by address. */
export function offersSchoolLookup(serviceCode: string): boolean {
  return serviceCode === FIRST_GRADE_SERVICE_CODE;
}
