// The SDK's own version; plugins declare the range they were built against in `apiVersion`.
export const SDK_VERSION = '1.0.0';
