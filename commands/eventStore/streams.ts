// Stream names: `<category>-<id>`, shared by the write side, the adapters and the projections.

export const streamId = (category: string, id: string) => `${category}-${id}`;

/** The id part of `<category>-<id>` (ids may contain dashes; categories never do). */
export const idOfStream = (stream: string) => stream.slice(stream.indexOf('-') + 1);
export const categoryOfStream = (stream: string) => stream.slice(0, stream.indexOf('-'));
