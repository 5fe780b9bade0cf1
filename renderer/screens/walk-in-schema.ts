// The walk-in form's rules (mirroring the contract's walkInInput, which the renderer may not
// import at run time). Messages are translation keys.
import { z } from 'zod';
import { PRIORITY_FLAGS, type PriorityFlag } from '../lib/catalog';
import { nikProblem } from '../lib/nik';
import { nameField } from '../lib/schemas';

export const walkInSchema = z.object({
  nik: z.string().trim().regex(/^\d{16}$/, 'validation.nik'),
  fullName: nameField,
  birthPlace: z.string().trim().min(1, 'validation.required').max(80, 'validation.too_long'),
  birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date'),
  sex: z.string().regex(/^[MF]$/, 'validation.choose'),
  service: z.string().min(1, 'validation.choose'),
  passportType: z.string().regex(/^(ordinary|electronic)$/, 'validation.choose'),
  phone: z.string().trim().regex(/^(\+?\d{8,15})?$/, 'validation.phone'),
  priority: z.array(z.enum(PRIORITY_FLAGS)),
}).superRefine((v, ctx) => {
  const problem = nikProblem(v.nik.trim(), v.birthDate, v.sex);
  if (problem) ctx.addIssue({ code: 'custom', path: ['nik'], message: `validation.${problem}` });
});

export type WalkInValues = z.input<typeof walkInSchema>;

export const emptyWalkIn: WalkInValues = {
  nik: '', fullName: '', birthPlace: '', birthDate: '', sex: '', service: '', passportType: '', phone: '',
  priority: [] as PriorityFlag[],
};
