-- Linkage items of the standard: insurance and pension qualifications, child allowance, My Number Card.
ALTER TABLE resident_record ADD COLUMN nhi_from DATE;
ALTER TABLE resident_record ADD COLUMN nhi_until DATE;
ALTER TABLE resident_record ADD COLUMN late_elderly_from DATE;
ALTER TABLE resident_record ADD COLUMN late_elderly_until DATE;
ALTER TABLE resident_record ADD COLUMN long_term_care_from DATE;
ALTER TABLE resident_record ADD COLUMN long_term_care_until DATE;
ALTER TABLE resident_record ADD COLUMN pension_number VARCHAR(11);
ALTER TABLE resident_record ADD COLUMN pension_category VARCHAR(8);
ALTER TABLE resident_record ADD COLUMN pension_from DATE;
ALTER TABLE resident_record ADD COLUMN child_allowance_from DATE;
ALTER TABLE resident_record ADD COLUMN child_allowance_until DATE;
ALTER TABLE resident_record ADD COLUMN card_status VARCHAR(10) DEFAULT 'NONE' NOT NULL;
ALTER TABLE resident_record ADD COLUMN sign_cert_serial VARCHAR(64);
ALTER TABLE resident_record ADD COLUMN auth_cert_serial VARCHAR(64);
