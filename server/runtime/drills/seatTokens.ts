// Seat tokens: `<drillId>.<seatId>.<hmac>`. Whoever holds one may take that seat back from any
// connection; the drill checks at every use that the seat has not been removed.
import { Signer } from './signer.ts';

export class SeatTokens {
  private readonly signer: Signer;

  constructor(secret: string) {
    this.signer = new Signer(secret, 'drill-seat');
  }

  sign(drillId: string, seatId: string): string {
    return this.signer.sign(`${drillId}.${seatId}`);
  }

  verify(token: string): { drillId: string; seatId: string } | undefined {
    const value = this.signer.unsign(token);
    const dot = value?.indexOf('.') ?? -1;
    if (value === undefined || dot <= 0) return undefined;
    return { drillId: value.slice(0, dot), seatId: value.slice(dot + 1) };
  }
}
