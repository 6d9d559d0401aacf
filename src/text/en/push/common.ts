// The words of the push check outside any one provider: preflight, token shape, upload warnings, the tester.
export const common = {};
