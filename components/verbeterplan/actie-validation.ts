// The action form's check, loaded lazily by ActieForm: the schema shared with the server
// (zod/mini) with its react-hook-form resolver.
import { zodResolver } from "@/components/forms/zod-resolver";
import type { Resolver } from "react-hook-form";
import { ZVerbeteractieSchema, type TVerbeteractie } from "@/lib/shared/verbeterplan/schema";

export const actieResolver: Resolver<TVerbeteractie> = zodResolver(ZVerbeteractieSchema);
