import { useEffect, useRef } from "react";
import { useLocation } from "react-router";

/*
 * With JavaScript a new page (the next step of a form, a link, a form's redirect) replaces the old
 * one without a page load, and the browser leaves focus on <body>: a screen reader says nothing and
 * Tab starts again from the top (WCAG 2.4.3). After each such change of page, focus goes to the new
 * page's heading, as a freshly loaded page would begin — unless the page has put it somewhere
 * itself (the error summary does). The first page, loaded by the browser, is left alone.
 */
export function NavigationFocus() {
  const location = useLocation();
  // A change of hash alone (an error summary's link to its field) is not a new page.
  const page = location.pathname + location.search;
  const shown = useRef<string | null>(null);
  useEffect(() => {
    const previous = shown.current;
    shown.current = page;
    if (previous === null || previous === page) return;
    const main = document.getElementById("main");
    if (!main) return;
    const active = document.activeElement;
    if (active && active !== main && main.contains(active)) return;
    const heading = main.querySelector<HTMLElement>("h1") ?? main;
    if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
    heading.focus({ preventScroll: true });
  }, [page]);
  return null;
}
