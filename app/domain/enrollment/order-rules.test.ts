import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { orderFormSchema } from "./order-forms";
import {
  capacityProblem,
  documentCheckProblems,
  enrollmentMessage,
  normalizeOrderNumber,
  orderDateProblem,
  orderNumberProblem,
  orderProblems,
  placesOf,
  problemMessage,
  rankOffer,
  refusalForLackOfPlacesAllowed,
  refusalMessage,
  sameSelection,
  stepsToReview,
  type Candidate,
} from "./order-rules";

const candidate = (overrides: Partial<Candidate> = {}): Candidate => ({
  applicationId: "a1",
  number: "58-2027-0000001-1",
  live: true,
  status: "inReview",
  documentsChecked: true,
  order: null,
  receivedOn: "2027-04-01",
  ...overrides,
});

describe("order numbers", () => {
  it.each([
    ["45", "45"],
    ["  № 45-у ", "45-у"],
    ["№45 - у", "45-у"],
    ["12 / 1-о", "12/1-о"],
    ["ОД  7", "ОД 7"],
    ["４５–у", "45-у"], // full-width digits and an en dash, as pasted from a document
  ])("%j is read as %j", (typed, stored) => {
    expect(normalizeOrderNumber(typed)).toBe(stored);
    expect(orderNumberProblem(stored)).toBeNull();
  });

  it.each([
    ["", "required"],
    ["у", "enrollment:orders.errors.numberInvalid"],
    ["45--у", "enrollment:orders.errors.numberInvalid"],
    ["45у!", "enrollment:orders.errors.numberInvalid"],
    ["<b>45</b>", "enrollment:orders.errors.numberInvalid"],
    ["1".repeat(21), 'text.tooLong|{"max":20}'],
    ["45\u202Eу", "text.control"],
  ])("%j is refused with %j", (typed, message) => {
    expect(orderNumberProblem(normalizeOrderNumber(typed))).toBe(message);
  });
});

describe("order dates", () => {
  it("are real dates, not after today", () => {
    expect(orderDateProblem("2027-07-03", "2027-07-03")).toBeNull();
    expect(orderDateProblem("03.07.2027", "2027-07-05")).toBeNull();
    expect(orderDateProblem("2027-07-04", "2027-07-03")).toBe('date.tooLate|{"max":"2027-07-03"}');
    expect(orderDateProblem("2027-02-30", "2027-07-03")).toBe("date.invalid");
    expect(orderDateProblem("завтра", "2027-07-03")).toBe("date.invalid");
  });
});

describe("which applications may have their documents checked", () => {
  it("those on the way to review or in review; others are named with the reason", () => {
    const ok = ["sent", "received", "inReview", "invitedToVisit"] as const;
    expect(documentCheckProblems(ok.map((status) => candidate({ status, documentsChecked: false })))).toEqual([]);
    const problems = documentCheckProblems([
      candidate({ number: "A", status: "waitingForInfo" }),
      candidate({ number: "B", live: false, status: "withdrawn" }),
      candidate({ number: "C", status: "completed", order: { number: "45-у", date: "2027-07-03" } }),
    ]);
    expect(problems).toEqual([
      { number: "A", reason: "statusNotAllowed", status: "waitingForInfo" },
      { number: "B", reason: "notLive" },
      { number: "C", reason: "alreadyEnrolled", order: { number: "45-у", date: "2027-07-03" } },
    ]);
  });

  it("are brought to review by acknowledge then startReview, as the status needs", () => {
    expect(stepsToReview("sent")).toEqual(["acknowledge", "startReview"]);
    expect(stepsToReview("received")).toEqual(["startReview"]);
    expect(stepsToReview("inReview")).toEqual([]);
    expect(stepsToReview("invitedToVisit")).toEqual([]);
  });
});

describe("which applications an order may enroll", () => {
  it("live, in review, documents checked, not enrolled yet, received by the order's date", () => {
    expect(orderProblems([candidate(), candidate({ status: "invitedToVisit" })], "2027-07-03")).toEqual([]);
    const problems = orderProblems(
      [
        candidate({ number: "A", documentsChecked: false }),
        candidate({ number: "B", status: "sent" }),
        candidate({ number: "C", live: false, status: "refused" }),
        candidate({ number: "D", status: "completed", order: { number: "1", date: "2027-07-01" } }),
        candidate({ number: "E", receivedOn: "2027-07-04" }),
        candidate({ number: "F" }),
      ],
      "2027-07-03",
    );
    expect(problems.map((p) => [p.number, p.reason])).toEqual([
      ["A", "documentsNotChecked"],
      ["B", "statusNotAllowed"],
      ["C", "notLive"],
      ["D", "alreadyEnrolled"],
      ["E", "receivedAfterOrderDate"],
    ]);
  });

  it("are named in the error summary with their registration numbers", () => {
    expect(problemMessage({ number: "58-1", reason: "documentsNotChecked" })).toBe(
      'enrollment:orders.problem.documentsNotChecked|{"number":"58-1"}',
    );
    expect(
      problemMessage({ number: "58-2", reason: "alreadyEnrolled", order: { number: "45-у", date: "2027-07-03" } }),
    ).toBe('enrollment:orders.problem.alreadyEnrolled|{"number":"58-2","order":"45-у","date":"2027-07-03"}');
  });

  it("are no more than the free places", () => {
    expect(placesOf(180, 37)).toEqual({ seats: 180, enrolled: 37, free: 143 });
    expect(placesOf(25, 30).free).toBe(0);
    expect(capacityProblem(143, placesOf(180, 37))).toBeNull();
    expect(capacityProblem(144, placesOf(180, 37))).toEqual({ selected: 144, free: 143 });
    expect(capacityProblem(1, placesOf(0, 0))).toEqual({ selected: 1, free: 0 });
  });

  it("a repeated submission is the same selection, whatever the order of the ticks", () => {
    expect(sameSelection(["a", "b"], ["b", "a"])).toBe(true);
    expect(sameSelection(["a", "b"], ["a"])).toBe(false);
    expect(sameSelection(["a", "b"], ["a", "c"])).toBe(false);
  });
});

describe("the resident's messages", () => {
  it("an order: 'enrolled by order № … of …' with the date as on documents", () => {
    expect(enrollmentMessage({ number: "45-у", date: "2027-07-03" })).toBe(
      "Зачислен(а) в 1 класс приказом № 45-у от 03.07.2027",
    );
  });

  it("a refusal: the explanation and the schools offered, or that there are none now", () => {
    const text = refusalMessage(" Все места заняты. ", [
      { code: "113", name: "МБОУ СОШ № 113 г. Пензы (демо)" },
      { code: "101", name: "МБОУ лицей № 101 г. Пензы (демо)" },
    ]);
    expect(text.startsWith("Все места заняты.\n\n")).toBe(true);
    expect(text).toContain("— МБОУ СОШ № 113 г. Пензы (демо) (№ 113)");
    expect(text).toContain("— МБОУ лицей № 101 г. Пензы (демо) (№ 101)");
    expect(refusalMessage("Мест нет.", [])).toContain("Свободных мест в других школах сейчас нет");
  });
});

describe("refusal for lack of places", () => {
  it("is lawful only when the children ahead who are not enrolled take every free place", () => {
    expect(refusalForLackOfPlacesAllowed(1, placesOf(1, 1))).toBe(true);
    expect(refusalForLackOfPlacesAllowed(3, placesOf(180, 178))).toBe(true);
    expect(refusalForLackOfPlacesAllowed(2, placesOf(180, 178))).toBe(false);
    expect(refusalForLackOfPlacesAllowed(1, placesOf(0, 0))).toBe(true);
  });

  it("offers the municipality's schools with free places, most first, at most 10; else the region's", () => {
    const penza = "56701000";
    const schools = [
      { code: "112", oktmo: penza, free: 0 },
      { code: "113", oktmo: penza, free: 20 },
      { code: "101", oktmo: penza, free: 60 },
      { code: "105", oktmo: penza, free: 20 },
      { code: "115", oktmo: penza, free: 100 },
      { code: "130", oktmo: "56705000", free: 150 },
    ];
    const refused = { code: "115", oktmo: penza };
    // No. 115 is the refused one, No. 112 is full; equal free places go by number.
    expect(rankOffer(schools, refused)).toEqual(["101", "105", "113"]);
    // A school the child already stands on the list of is not offered again.
    expect(rankOffer(schools, refused, new Set(["101"]))).toEqual(["105", "113"]);
    // Nothing free in the municipality: the region's.
    expect(rankOffer(schools, { code: "999", oktmo: "56603000" })).toEqual(["130", "115", "101", "105", "113"]);
    const many = Array.from({ length: 15 }, (_, i) => ({ code: String(200 + i), oktmo: penza, free: 30 - i }));
    expect(rankOffer(many, refused)).toHaveLength(10);
    expect(rankOffer(many, refused)[0]).toBe("200");
  });
});

describe("the order form", () => {
  const schema = orderFormSchema("2027-07-03");
  const form = (fields: [string, string][]) => {
    const data = new FormData();
    for (const [name, value] of fields) data.append(name, value);
    return parseWithZod(data, { schema });
  };
  const errors = (submission: ReturnType<typeof form>) =>
    submission.status === "error" ? (submission.error ?? {}) : {};
  const base: [string, string][] = [
    ["school", "112"],
    ["year", "2027"],
  ];

  it("reads one tick or several, each once, and the order's number and date", () => {
    const one = form([...base, ["intent", "checkDocuments"], ["applicationId", "a1"]]);
    expect(one.status).toBe("success");
    if (one.status === "success") expect(one.value.applicationId).toEqual(["a1"]);
    const order = form([
      ...base,
      ["intent", "issueOrder"],
      ["applicationId", "a1"],
      ["applicationId", "a2"],
      ["applicationId", "a1"],
      ["orderNumber", " № 45 - у"],
      ["orderDate", "03.07.2027"],
    ]);
    expect(order.status).toBe("success");
    if (order.status === "success") {
      expect(order.value).toMatchObject({
        intent: "issueOrder",
        school: "112",
        year: 2027,
        applicationId: ["a1", "a2"],
        orderNumber: "45-у",
        orderDate: "2027-07-03",
      });
    }
  });

  it("checking documents needs no order number; an order needs both, and a tick", () => {
    const none = form([...base, ["intent", "checkDocuments"]]);
    expect(none.status).toBe("error");
    expect(errors(none)[""]).toEqual(["enrollment:orders.errors.nothingSelected"]);
    const bare = form([...base, ["intent", "issueOrder"], ["applicationId", "a1"]]);
    expect(errors(bare).orderNumber).toEqual(["required"]);
    expect(errors(bare).orderDate).toEqual(["required"]);
    const future = form([
      ...base,
      ["intent", "issueOrder"],
      ["applicationId", "a1"],
      ["orderNumber", "45"],
      ["orderDate", "2027-07-04"],
    ]);
    expect(errors(future).orderDate).toEqual(['date.tooLate|{"max":"2027-07-03"}']);
  });

  it("refuses hostile input as form errors, not exceptions", () => {
    const hostile = form([
      ["intent", "drop table"],
      ["school", "<script>"],
      ["year", "1e9"],
      ["applicationId", "../../etc/passwd"],
      ["orderNumber", "x".repeat(5000)],
    ]);
    expect(hostile.status).toBe("error");
    expect(Object.keys(errors(hostile))).toEqual(
      expect.arrayContaining(["intent", "school", "year", "applicationId[0]", "orderNumber"]),
    );
  });
});

describe("the order form in the browser", () => {
  it("gives Conform the fields' constraints (an object schema, transforms only inside fields)", () => {
    const constraint = getZodConstraint(orderFormSchema("2027-07-03"));
    expect(constraint.orderNumber).toMatchObject({ required: false });
    expect(constraint.orderDate).toMatchObject({ required: false });
    expect(constraint.applicationId).toMatchObject({ multiple: true });
  });
});
