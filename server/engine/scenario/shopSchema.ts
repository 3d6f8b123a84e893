// A mock shop catalogue (scenarios/shops/<id>.yaml). Personas refer to its products; the chat
// workspace shows it beside the chat; rules can check claims against it.
import { z } from 'zod';
import { kebabId, localText } from './schema.ts';

export const fitKinds = ['standard', 'runs-small', 'runs-large', 'wide', 'narrow'] as const;

export const productDef = z
  .object({
    id: kebabId,
    name: localText,
    category: z.enum(['boots', 'shoes', 'running', 'sandals', 'insoles', 'socks', 'accessories', 'bags']),
    price: z.number().positive().describe('list price in yuan'),
    promoPrice: z.number().positive().optional().describe('price during the current promotion'),
    sizes: z.array(z.string().min(1)).default([]),
    colours: z.array(localText).default([]),
    fit: z.enum(fitKinds).default('standard'),
    upper: localText.optional(),
    lining: localText.optional(),
    membrane: localText.optional(),
    outsole: localText.optional(),
    insole: localText.optional(),
    weightGrams: z.number().positive().optional().describe('one shoe, size 42'),
    highlights: z.array(localText).default([]),
    weaknesses: z.array(localText).default([]).describe('flaws an honest agent discloses when asked'),
    sizeAdvice: localText.optional(),
    image: z.string().optional(),
    stock: z.record(z.string(), z.number().int().nonnegative()).optional().describe('pairs left per size'),
  })
  .strict();
export type Product = z.infer<typeof productDef>;

export const promotionDef = z
  .object({
    id: kebabId,
    label: localText,
    kind: z.enum(['discount', 'multi-buy', 'bundle', 'gift', 'free-shipping']),
    detail: localText,
    endsAt: z.string().optional(),
  })
  .strict();

export const couponDef = z
  .object({ id: kebabId, label: localText, amount: z.number().positive(), minSpend: z.number().nonnegative().default(0) })
  .strict();

export const shopSchema = z
  .object({
    id: kebabId,
    name: localText,
    brand: z.string().min(1),
    platform: z.enum(['tmall', 'taobao', 'jd']),
    agents: z.array(z.string().min(1)).min(1).describe('agent nicknames a trainee may sign with'),
    products: z.array(productDef).min(1),
    sizeChart: z
      .object({
        note: localText,
        rows: z.array(z.object({ size: z.string(), footLengthMm: z.number().positive() }).strict()).min(1),
      })
      .strict()
      .optional(),
    promotions: z.array(promotionDef).default([]),
    coupons: z.array(couponDef).default([]),
    gifts: z.array(localText).default([]).describe('small gifts an agent may offer as the last concession'),
    shipping: z
      .object({ fee: z.number().nonnegative(), freeOver: z.number().positive().optional(), courier: z.string(), dispatchCutoff: z.string() })
      .strict(),
    policies: z.array(z.object({ id: kebabId, text: localText }).strict()).min(1),
  })
  .strict();
export type Shop = z.infer<typeof shopSchema>;
