// An applicant's appointment as the booking system (or the counter, for a walk-in) gives it.
/** The fields an import or a walk-in supplies. */
export interface AppointmentFields {
  bookingCode: string;
  nik: string;
  fullName: string;
  birthPlace: string;
  birthDate: string;
  sex: 'M' | 'F';
  service: string;
  passportType: 'ordinary' | 'electronic';
  appointmentDate: string;
  timeSlot: string;
  paymentStatus: 'paid' | 'unpaid';
  billingCode: string;
  phone: string;
}
