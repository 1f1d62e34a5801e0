import { type DependencyReportDto } from '../diagnostics/dependency-report.dto.js';
import { type TraceReportDto } from '../diagnostics/trace.dto.js';
import { type LayerTransport } from './layer-transport.js';

/** Every app below the experience layer serves the same dependency report route. */
export class DiagnosticsClient {
  constructor(private readonly transport: LayerTransport) {}

  async dependencies(timeoutMs?: number): Promise<DependencyReportDto> {
    const response = await this.transport.request<DependencyReportDto>({
      method: 'GET',
      path: '/v1/diagnostics/dependencies',
      query: { timeoutMs },
      operation: 'diagnostics.dependencies',
    });
    return response.body;
  }

  async trace(path: readonly string[]): Promise<TraceReportDto> {
    const response = await this.transport.request<TraceReportDto>({
      method: 'GET',
      path: '/v1/diagnostics/trace',
      query: { path: path.length > 0 ? path.join(',') : undefined },
      operation: 'diagnostics.trace',
    });
    return response.body;
  }
}
