/** Does nothing: for a cancellation or a promise whose failure changes nothing. */
export const ignore = (): void => {}
