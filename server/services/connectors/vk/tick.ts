import type { TTickContext, TTickMunicipality } from "../../scheduler/context";

/**
 * The VK connector's share of the scheduler tick for one municipality: reads the official
 * accounts' walls into routine posts when due. Returns the number of posts recorded.
 * Being written (issue 8).
 */
export async function syncVkConnector(ctx: TTickContext, m: TTickMunicipality): Promise<number> {
  void ctx;
  void m;
  return 0;
}
