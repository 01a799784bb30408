// Remix options, passed to the Vite plugin by vite.config.ts (the plugin does not read this file
// by itself; see ../shared/STACK.md). All v3 future flags are on, to keep the move to React Router 7
// a small step.
/** @type {import("@remix-run/dev").VitePluginConfig} */
export default {
  appDirectory: "app",
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
    v3_routeConfig: true,
  },
};
