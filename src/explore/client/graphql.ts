/** The Explorer's only way to the graph: POST /graphql, as any client of the public API. */

export class ApiError extends Error {}

interface Response<T> {
  data?: T | null;
  errors?: Array<{ message: string }>;
}

export async function ask<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  let body: Response<T>;
  try {
    body = (await response.json()) as Response<T>;
  } catch {
    throw new ApiError(`The API answered ${response.status} with no GraphQL result.`);
  }
  if (body.errors?.length) throw new ApiError(body.errors.map((error) => error.message).join(' '));
  if (!body.data) throw new ApiError(`The API answered ${response.status} with no data.`);
  return body.data;
}
