import { loinc, local, snomed, type CodedText } from './coded-text.js';
import { compositionBody, entry } from './composition-body.js';
import type { PlannedComposition } from './demo-plan.js';
import { daysBefore, minutesAfter } from './demo-time.js';
import { keyImagePng, plannedAttachment, reportPdf } from './demo-files.js';
import { compositionKey, type HistoryGenerator } from './patient-history.js';

const template = { id: 'docsy.imaging_report.v1', revision: '1.0.0' };

interface Study {
  name: CodedText;
  modality: string;
  site: CodedText;
  indication: string;
  findings: string;
  impression: string;
  diagnosis?: CodedText;
}

const studies: Study[] = [
  {
    name: loinc('36643-5', 'XR Chest 2 Views'),
    modality: 'XR',
    site: snomed('51185008', 'Thoracic structure'),
    indication: 'Cough and fever for a week. ?Pneumonia',
    findings: 'Patchy consolidation in the right lower zone. No effusion. Heart size normal.',
    impression: 'Right lower lobe pneumonia.',
    diagnosis: snomed('233604007', 'Pneumonia'),
  },
  {
    name: loinc('36554-4', 'XR Chest Single view'),
    modality: 'XR',
    site: snomed('51185008', 'Thoracic structure'),
    indication: 'Pre-operative assessment.',
    findings: 'Lungs clear. Heart size normal. No pleural effusion or pneumothorax.',
    impression: 'Normal chest radiograph.',
  },
  {
    name: loinc('24558-9', 'US Abdomen'),
    modality: 'US',
    site: snomed('113345001', 'Abdominal structure'),
    indication: 'Right upper quadrant pain after fatty meals.',
    findings: 'Several mobile gallstones; gallbladder wall not thickened. Liver, kidneys and spleen normal.',
    impression: 'Cholelithiasis without cholecystitis.',
  },
  {
    name: loinc('24725-4', 'CT Head WO contrast'),
    modality: 'CT',
    site: snomed('69536005', 'Head structure'),
    indication: 'Fall with head strike; on no anticoagulant.',
    findings: 'No intracranial haemorrhage, mass effect or skull fracture.',
    impression: 'No acute intracranial abnormality.',
  },
  {
    name: loinc('24590-2', 'MR Brain'),
    modality: 'MR',
    site: snomed('12738006', 'Brain structure'),
    indication: 'Recurrent headaches with visual aura.',
    findings: 'Normal brain parenchyma; no mass or white matter lesion.',
    impression: 'Normal MRI of the brain.',
  },
];

/**
 * Imaging reports: none to two per patient, each a radiologist's report with findings, impression
 * and identifiers, a key image (PNG) and the signed report (PDF) as attachments.
 */
export const imagingHistory: HistoryGenerator = (random, history) => {
  const count = history.patient === 'patient' ? 2 : random.pick([0, 0, 1, 1, 2]);
  return random.sample(studies, count).map((study, i): PlannedComposition => {
    const days = random.int(5, history.years * 365);
    const studyDate = daysBefore(history.anchor, days, random.int(0, 7), random.int(0, 59));
    const reported = minutesAfter(studyDate, random.int(60, 600));
    const reportId = `RAD-${history.patient}-${i + 1}`;
    const data = ['content', 0, 'data'];
    const image = plannedAttachment(keyImagePng(random.int(1, 1000)), 'image/png', `${study.modality} key image.png`, [
      ...data,
      'images',
      0,
    ]);
    const report = plannedAttachment(
      reportPdf([
        'Docsy Demo Radiology',
        `${study.name.value} (${study.modality})  Report ${reportId}`,
        `Study date: ${studyDate.slice(0, 16).replace('T', ' ')} UTC`,
        `Clinical indication: ${study.indication}`,
        `Findings: ${study.findings}`,
        `Impression: ${study.impression}`,
        'Reported and signed electronically. Synthetic demo data.',
      ]),
      'application/pdf',
      `${reportId}.pdf`,
      [...data, 'original_report', 0],
    );
    const body = compositionBody(template, reported, [
      entry('imaging_exam_result', 'openEHR-EHR-OBSERVATION.imaging_exam_result.v1', '1.0.0', {
        study_name: study.name,
        modality: [study.modality],
        target_body_site: study.site,
        study_date: studyDate,
        overall_result_status: local('final'),
        clinical_indication: study.indication,
        imaging_findings: study.findings,
        overall_impression: study.impression,
        ...(study.diagnosis ? { imaging_diagnosis: [study.diagnosis] } : {}),
        report_identifier: { id: reportId, issuer: 'Docsy Demo Radiology' },
        images: [image.value],
        original_report: [report.value],
      }),
    ]);
    return {
      key: compositionKey(history, 'imaging', i),
      patient: history.patient,
      author: random.pick(history.labTechnicians),
      body,
      amendments: [],
      files: [image.file, report.file],
    };
  });
};
