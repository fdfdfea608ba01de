// Types for scripts/router-state.mjs (plain Node, imported by tests).
export declare const ROUTER_STATE_HEADER: "next-router-state-tree";
export declare function isValidRouterState(value: string | string[] | null | undefined): boolean;
