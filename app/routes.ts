import { index, route, type RouteConfig } from "@react-router/dev/routes";

// Every URL of the portal, top to bottom.
export default [
  // Public: the catalogue of e-services.
  index("routes/public/home.tsx"),
  route("categories/:slug", "routes/public/category.tsx"),
  route("services/:slug", "routes/public/service.tsx"),
  // A package service (large-family): which of its measures a family is entitled to, before applying.
  route("services/:slug/measures", "routes/public/service-measures.tsx"),
  route("search", "routes/public/search.tsx"),
  // First-grade enrollment: schools, their places, and which schools an address is assigned to.
  route("schools", "routes/public/schools.tsx"),
  route("schools/:code", "routes/public/school.tsx"),
  // How the e-services perform: the strategy's indicators, in plain words and as open data.
  route("indicators", "routes/public/indicators.tsx"),
  route("indicators/definitions", "routes/public/indicator-definitions.tsx"),

  // Applying online: start or resume, one step a page, check the answers and submit.
  route("services/:slug/apply", "routes/apply/start.tsx"),
  route("services/:slug/apply/:draftId/review", "routes/apply/review.tsx"),
  route("services/:slug/apply/:draftId/:stepId", "routes/apply/step.tsx"),

  // Accounts: sign-in, registration, password reset.
  route("login", "routes/account/login.tsx"),
  route("logout", "routes/account/logout.ts"),
  route("register", "routes/account/register.tsx"),
  route("register/sent", "routes/account/register-sent.tsx"),
  route("confirm-email", "routes/account/confirm-email.tsx"),
  route("forgot-password", "routes/account/forgot-password.tsx"),
  route("reset-password", "routes/account/reset-password.tsx"),
  route("session/extend", "routes/account/session-extend.ts"),

  // The resident's personal cabinet.
  route("cabinet", "routes/cabinet/index.tsx"),
  route("cabinet/profile", "routes/cabinet/profile.tsx"),
  route("cabinet/children/new", "routes/cabinet/child-new.tsx"),
  route("cabinet/children/:childId/delete", "routes/cabinet/child-delete.ts"),
  route("cabinet/applications", "routes/cabinet/applications.tsx"),
  route("cabinet/applications/:number", "routes/cabinet/application.tsx"),
  route("cabinet/applications/:number/withdraw", "routes/cabinet/withdraw.tsx"),
  // First-grade enrollment: after a refusal for lack of places, one step to a school of the offer.
  route("cabinet/applications/:number/apply-to/:schoolCode", "routes/cabinet/reapply.tsx"),
  route("cabinet/drafts/:draftId/delete", "routes/cabinet/draft-delete.ts"),
  route("cabinet/notifications", "routes/cabinet/notifications.tsx"),
  // Measures granted or offered without an application, from life events (docs/proactive.md).
  route("cabinet/offers", "routes/cabinet/offers.tsx"),
  route("cabinet/offers/:offerId", "routes/cabinet/offer.tsx"),
  // Housing and utility payments by ЕЛС (docs/payments.md): accounts, bills, paying, receipts.
  route("cabinet/payments", "routes/cabinet/payments.tsx"),
  route("cabinet/payments/receipts/:paymentId", "routes/cabinet/payment-receipt.tsx"),
  route("cabinet/payments/return/:paymentId", "routes/cabinet/payment-return.ts"),
  route("cabinet/payments/:els", "routes/cabinet/payment-account.tsx"),
  route("cabinet/account/delete", "routes/cabinet/account-delete.tsx"),
  // Documents of applications: the owner and the department's staff only.
  route("documents/:uploadId", "routes/documents/download.ts"),

  // Preferences remembered in cookies; plain POST forms that work without JavaScript.
  route("preferences/language", "routes/preferences/language.ts"),
  route("preferences/vision", "routes/preferences/vision.ts"),

  // Staff: the office (officers, supervisors) and administration.
  route("office", "routes/office/index.tsx"),
  route("office/applications/:number", "routes/office/application.tsx"),
  route("office/supervisor", "routes/office/supervisor.tsx"),
  route("office/enrollment", "routes/office/enrollment.tsx"),
  // The ministry's first-grade campaign dashboard: the opening's load, demand and places by school.
  route("office/enrollment/campaign", "routes/office/enrollment-campaign.tsx"),
  route("office/indicators", "routes/office/indicators.tsx"),
  route("office/indicators/:code", "routes/office/indicator.tsx"),
  route("admin", "routes/admin/index.tsx"),
  route("admin/invite", "routes/admin/invite.tsx"),
  route("admin/users/:userId", "routes/admin/user.tsx"),
  route("admin/audit", "routes/admin/audit.tsx"),
  route("admin/calendar", "routes/admin/calendar.tsx"),
  // First-grade enrollment: schools' assigned territories (streets and houses), and the act's annex as CSV.
  route("admin/schools", "routes/admin/schools.tsx"),
  route("admin/schools/:code/territory", "routes/admin/school-territory.tsx"),
  route("admin/territories/import", "routes/admin/territories-import.tsx"),
  // First-grade enrollment campaigns: each year's stages and schools per child.
  // Utility bills from providers as CSV, and each import's row-by-row report (docs/payments.md).
  route("admin/utility/import", "routes/admin/utility-import.tsx"),
  route("admin/utility/imports/:importId", "routes/admin/utility-import-report.tsx"),
  route("admin/campaigns", "routes/admin/campaigns.tsx"),
  route("admin/campaigns/:year", "routes/admin/campaign.tsx"),

  // Machine-readable.
  route("api/services", "routes/api/services.ts"),
  route("api/schools", "routes/api/schools.ts"),
  // A first-grade campaign's figures as open data (per-minute load at the opening, demand by school).
  route("api/enrollment/campaign", "routes/api/enrollment-campaign.ts"),
  // A school's enrollment orders with the registration numbers they enrolled (never names).
  route("api/schools/:code/orders", "routes/api/school-orders.ts"),
  route("api/schools/:code/orders.csv", "routes/api/school-orders-csv.ts"),
  route("api/indicators", "routes/api/indicators.ts"),
  route("api/indicators/:code.csv", "routes/api/indicator-csv.ts"),
  route("api/registry/events", "routes/api/registry-events.ts"),
  route("api/registry/schema", "routes/api/registry-schema.ts"),
  // Utility providers (signed like registry sources): bills in, meter readings and payments per day out.
  route("api/utility/bills", "routes/api/utility-bills.ts"),
  route("api/utility/readings.csv", "routes/api/utility-readings-csv.ts"),
  route("api/utility/payments.csv", "routes/api/utility-payments-csv.ts"),
  // The acquirer's signed notifications of a payment's change (docs/payments.md, "The acquirer protocol").
  route("api/payments/notifications", "routes/api/payment-notifications.ts"),
  route("dev/mailbox", "routes/dev/mailbox.tsx"),

  // Last: any other URL is a localized 404 (and keeps the root middleware running).
  route("*", "routes/system/not-found.tsx"),
] satisfies RouteConfig;
