// The presentation rules of the regional overview moved to lib/shared/regio/view.ts (browser-safe);
// re-exported here for lib/regio/document.ts until the PDF renders from the page's components.
export { SCORE_BANDS, scoreBackground } from "@/lib/shared/regio/view";
