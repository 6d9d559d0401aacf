// The words every Android vendor shares (src/push/providers/vendor/): transport failures, OAuth, results.
export const vendor = {};
