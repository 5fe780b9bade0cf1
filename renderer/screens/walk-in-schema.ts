// The walk-in form: the contract's own walkInInput rule (domain/fields.ts), over the form's
// values, where a choice not made yet is an empty string.
import type { Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { PriorityFlag } from '../../domain/catalog';
import { walkInInput } from '../../domain/fields';

export interface WalkInValues {
  nik: string; fullName: string; birthPlace: string; birthDate: string;
  sex: string; service: string; passportType: string; phone: string;
  priority: PriorityFlag[];
}

export const walkInResolver = zodResolver(walkInInput) as unknown as Resolver<WalkInValues>;

export const emptyWalkIn: WalkInValues = {
  nik: '', fullName: '', birthPlace: '', birthDate: '', sex: '', service: '', passportType: '', phone: '',
  priority: [],
};
