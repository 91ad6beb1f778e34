// What a client form holds before its first submission: importable by 'use client' files, unlike
// lib/actions/action.ts (which pulls next/cache into the browser bundle and breaks the build).
import type { ActionResult } from "./action";

export type FormState<T = unknown> = { status: "idle" } | ActionResult<T>;
export const IDLE: FormState = { status: "idle" };
