// Types of plain-html.mjs for the tests and the cache handler's callers.
export declare function withoutClientRuntime(html: string): string | null;
