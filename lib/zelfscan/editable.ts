// The rule "may this scan be changed" lives in lib/access/rules/editable.ts with the other access
// rules; importable from here for the callers that do so today.
export { EDITABLE_STATE_SQL, editableStateWhere, editableZelfscanWhere, isEditable, lockMessage, mayEditZelfscan, type EditState } from "@/lib/access/rules/editable";
