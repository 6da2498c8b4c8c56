import { index, route, type RouteConfig } from "@react-router/dev/routes";

// Every URL of the portal, top to bottom.
export default [
  // Public: the catalogue of e-services.
  index("routes/public/home.tsx"),
  route("categories/:slug", "routes/public/category.tsx"),
  route("services/:slug", "routes/public/service.tsx"),
  route("search", "routes/public/search.tsx"),
  route("login", "routes/public/login.tsx"),

  // Preferences remembered in cookies; plain POST forms that work without JavaScript.
  route("preferences/language", "routes/preferences/language.ts"),
  route("preferences/vision", "routes/preferences/vision.ts"),

  // Machine-readable.
  route("api/services", "routes/api/services.ts"),
  route("healthz", "routes/system/healthz.ts"),

  // Last: any other URL is a localized 404 (and keeps the root middleware running).
  route("*", "routes/system/not-found.tsx"),
] satisfies RouteConfig;
