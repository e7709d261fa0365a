// Libraries that take tens of MB once loaded but serve rare requests (a workbook export or
// import, a QR code, an email copy) load on first use, not when the server starts.
export const loadExcel = async () => (await import('exceljs')).default;
export const loadQrCode = async () => (await import('qrcode')).default;
export const loadMailer = async () => await import('nodemailer');
