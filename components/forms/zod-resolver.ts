// The react-hook-form resolver of every form. Importing it from here brings zod's Dutch messages
// (lib/shared/forms/zod.ts) into the browser too, for the rules a schema does not word itself.
import "@/lib/shared/forms/zod";

export { zodResolver } from "@hookform/resolvers/zod";
