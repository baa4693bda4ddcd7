/** The API's one error shape (apps/api/src/common/http-exception.filter.ts). */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  kind?: 'forbidden' | 'not-found' | 'conflict' | 'stale' | 'unprocessable' | 'unavailable';
  errors?: Array<{ field: string; message: string }>;
}

/** A refused request: the status, the API's message and, for bad input, the message per field. */
export class ApiError extends Error {
  readonly kind: ApiErrorBody['kind'];
  readonly fieldErrors: Array<{ field: string; message: string }>;

  constructor(
    readonly status: number,
    body: Partial<ApiErrorBody>,
  ) {
    super(body.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.kind = body.kind;
    this.fieldErrors = body.errors ?? [];
  }
}
