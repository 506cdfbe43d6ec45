import type { IntegrationActionName, IntegrationService } from '../../asl/integrations/catalogue';
import { catalogueCall, type CatalogueCall } from './service-action';

/** The error names of an optimized service: `<ErrorPrefix>.<Name>` (e.g. `Athena.InvalidRequestException`). */
export type ServiceError = `${string}.${string}`;

/**
 * Any optimized integration the catalogue lists, untyped payload and result (declare the result
 * with `returns<T>()` on `.waitForTaskToken`, or narrow it with `resultSelector`). `.sync`, `.sync2`
 * and `.waitForTaskToken` exist only where the catalogue lists the pattern, so
 * `optimized('athena', 'startQueryExecution').waitForTaskToken` is a type error.
 * Services with a typed builder (`lambda`, `sns`, `glue`, …) are better called through it.
 *
 * @example
 * .task('Query', optimized('athena', 'startQueryExecution').sync({ QueryString: 'SELECT 1', WorkGroup: 'primary' }))
 */
export function optimized<const Svc extends IntegrationService, const Act extends IntegrationActionName<Svc>>(
  service: Svc,
  action: Act,
): CatalogueCall<Svc, Act, Record<string, unknown>, Record<string, unknown>, ServiceError, Record<string, unknown>, Record<string, unknown>> {
  return catalogueCall(service, action)<Record<string, unknown>, Record<string, unknown>, ServiceError>();
}
