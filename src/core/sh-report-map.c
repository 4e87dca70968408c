/* sh-report-map.c — how each table of the database appears in the XML reports.
 *
 * Written from one list together with the record part of
 * data/schema/report-1.0.xsd; keep the two in step (the tests export every
 * table of the demo data, validate it against the schema and read it back).
 * Element names are Vietnamese without diacritics, in PascalCase, as
 * Vietnamese e-government XML has them; enumerated values are Vietnamese
 * codes in capitals, translated here from the English codes the database
 * keeps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sh-report-private.h"

/* Enumerations: database value ↔ XML value. */
const ShReportEnumValue sh_report_enum_size_class[] = {
  { "micro", "SIEU_NHO" },
  { "small", "NHO" },
  { "medium", "VUA" },
  { "large", "LON" },
  { NULL, NULL },
};

static const ShReportEnumValue enum_team_role[] = {
  { "leader", "TRUONG_NHOM" },
  { "member", "THANH_VIEN" },
  { "consultant", "TU_VAN" },
  { NULL, NULL },
};

static const ShReportEnumValue enum_assessment_kind[] = {
  { "quick", "DANH_GIA_NHANH" },
  { "detailed", "DANH_GIA_CHI_TIET" },
  { "follow_up", "DANH_GIA_TIEP_THEO" },
  { NULL, NULL },
};

static const ShReportEnumValue enum_funding_source[] = {
  { "central", "NGAN_SACH_TRUNG_UONG" },
  { "provincial", "NGAN_SACH_DIA_PHUONG" },
  { "enterprise", "DOANH_NGHIEP" },
  { "donor", "TAI_TRO" },
  { "other", "KHAC" },
  { NULL, NULL },
};

const ShReportEnumValue sh_report_enum_assessment_status[] = {
  { "draft", "DU_THAO" },
  { "finalized", "HOAN_THANH" },
  { "submitted", "DA_NOP" },
  { NULL, NULL },
};

static const ShReportEnumValue enum_consultant_role[] = {
  { "lead", "TRUONG_DOAN" },
  { "member", "THANH_VIEN" },
  { NULL, NULL },
};

static const ShReportEnumValue enum_phase[] = {
  { "baseline", "NEN" },
  { "after", "SAU" },
  { NULL, NULL },
};

static const ShReportEnumValue enum_resource_category[] = {
  { "electricity", "DIEN" },
  { "fuel", "NHIEN_LIEU" },
  { "water", "NUOC" },
  { "material", "NGUYEN_LIEU" },
  { "chemical", "HOA_CHAT" },
  { "other", "KHAC" },
  { NULL, NULL },
};

static const ShReportEnumValue enum_data_source[] = {
  { "meter", "DONG_HO" },
  { "invoice", "HOA_DON" },
  { "estimate", "UOC_TINH" },
  { "paper", "SO_SACH" },
  { NULL, NULL },
};

static const ShReportEnumValue enum_flow_kind[] = {
  { "material", "VAT_LIEU" },
  { "water", "NUOC" },
  { "energy", "NANG_LUONG" },
  { "product", "SAN_PHAM" },
  { "by_product", "SAN_PHAM_PHU" },
  { "waste", "CHAT_THAI" },
  { "emission", "PHAT_THAI" },
  { NULL, NULL },
};

static const ShReportEnumValue enum_flow_period[] = {
  { "hour", "GIO" },
  { "day", "NGAY" },
  { "batch", "ME" },
  { "month", "THANG" },
  { "year", "NAM" },
  { NULL, NULL },
};

static const ShReportEnumValue enum_provenance[] = {
  { "measured", "DO_DAC" },
  { "estimated", "UOC_TINH" },
  { "paper", "SO_SACH" },
  { NULL, NULL },
};

static const ShReportEnumValue enum_waste_type[] = {
  { "wastewater", "NUOC_THAI" },
  { "solid", "CHAT_THAI_RAN" },
  { "hazardous", "CHAT_THAI_NGUY_HAI" },
  { "air", "KHI_THAI" },
  { "heat", "NHIET" },
  { "noise", "TIENG_ON" },
  { NULL, NULL },
};

static const ShReportEnumValue enum_cause_category[] = {
  { "raw_material", "NGUYEN_LIEU" },
  { "technology", "CONG_NGHE" },
  { "equipment", "THIET_BI" },
  { "process_control", "KIEM_SOAT_QUA_TRINH" },
  { "operator", "NGUOI_VAN_HANH" },
  { "product", "SAN_PHAM" },
  { "waste_handling", "QUAN_LY_CHAT_THAI" },
  { NULL, NULL },
};

static const ShReportEnumValue enum_option_category[] = {
  { "GH", "GH" },
  { "IMC", "IMC" },
  { "BPC", "BPC" },
  { "EM", "EM" },
  { "TC", "TC" },
  { "OR", "OR" },
  { "BP", "BP" },
  { "PM", "PM" },
  { NULL, NULL },
};

static const ShReportEnumValue enum_cost_class[] = {
  { "none", "KHONG" },
  { "low", "THAP" },
  { "medium", "TRUNG_BINH" },
  { "high", "CAO" },
  { NULL, NULL },
};

static const ShReportEnumValue enum_screening[] = {
  { "implement_now", "THUC_HIEN_NGAY" },
  { "analyse_further", "PHAN_TICH_THEM" },
  { "reject", "LOAI_BO" },
  { NULL, NULL },
};

static const ShReportEnumValue enum_tech_verdict[] = {
  { "feasible", "KHA_THI" },
  { "conditional", "CO_DIEU_KIEN" },
  { "not_feasible", "KHONG_KHA_THI" },
  { NULL, NULL },
};

static const ShReportEnumValue enum_econ_decision[] = {
  { "accept", "CHAP_NHAN" },
  { "reject", "LOAI_BO" },
  { NULL, NULL },
};

static const ShReportEnumValue enum_option_status[] = {
  { "proposed", "DE_XUAT" },
  { "selected", "DA_CHON" },
  { "in_progress", "DANG_THUC_HIEN" },
  { "implemented", "DA_THUC_HIEN" },
  { "rejected", "LOAI_BO" },
  { NULL, NULL },
};

static const ShReportEnumValue enum_investment_item[] = {
  { "equipment", "THIET_BI" },
  { "installation", "LAP_DAT" },
  { "design", "THIET_KE" },
  { "training", "DAO_TAO" },
  { "contingency", "DU_PHONG" },
  { "other", "KHAC" },
  { NULL, NULL },
};

const ShReportEnumValue sh_report_enum_env_indicator[] = {
  { "water", "NUOC" },
  { "wastewater", "NUOC_THAI" },
  { "cod_load", "TAI_LUONG_COD" },
  { "solid_waste", "CHAT_THAI_RAN" },
  { "hazardous_waste", "CHAT_THAI_NGUY_HAI" },
  { "air", "KHI_THAI" },
  { "co2e", "CO2E" },
  { NULL, NULL },
};

static const ShReportEnumValue enum_action_status[] = {
  { "planned", "KE_HOACH" },
  { "in_progress", "DANG_THUC_HIEN" },
  { "done", "HOAN_THANH" },
  { "cancelled", "HUY" },
  { NULL, NULL },
};

static const ShReportEnumValue enum_observation_category[] = {
  { "leak", "RO_RI" },
  { "spill", "ROI_VAI" },
  { "idle_running", "CHAY_KHONG_TAI" },
  { "insulation", "BAO_ON" },
  { "lighting", "CHIEU_SANG" },
  { "metering_gap", "THIEU_DO_DEM" },
  { "housekeeping", "QUAN_LY_NOI_VI" },
  { "safety", "AN_TOAN" },
  { "other", "KHAC" },
  { NULL, NULL },
};

static const ShReportEnumValue enum_severity[] = {
  { "low", "THAP" },
  { "medium", "TRUNG_BINH" },
  { "high", "CAO" },
  { NULL, NULL },
};

static const ShReportEnumValue enum_answer[] = {
  { "yes", "CO" },
  { "no", "KHONG" },
  { "na", "KHONG_AP_DUNG" },
  { NULL, NULL },
};

static const ShReportEnumValue enum_evidence_kind[] = {
  { "photo", "ANH" },
  { "invoice", "HOA_DON" },
  { "meter_log", "SO_DONG_HO" },
  { "lab_test", "KET_QUA_PHAN_TICH" },
  { "decision", "QUYET_DINH" },
  { "training_certificate", "CHUNG_NHAN_DAO_TAO" },
  { "signed_report", "BAO_CAO_DA_KY" },
  { "other", "KHAC" },
  { NULL, NULL },
};

const ShReportEnumValue sh_report_enum_annual_status[] = {
  { "draft", "DU_THAO" },
  { "submitted", "DA_NOP" },
  { "accepted", "DA_TIEP_NHAN" },
  { NULL, NULL },
};

static const ShReportEnumValue enum_entity_table[] = {
  { "facility", "CoSo" },
  { "assessment", "DanhGia" },
  { "production_record", "SoLieuSanXuat" },
  { "resource_consumption", "TieuThuTaiNguyen" },
  { "process_step", "CongDoan" },
  { "equipment", "ThietBi" },
  { "flow", "DongVatChat" },
  { "waste_stream", "DongThai" },
  { "cause", "NguyenNhan" },
  { "cp_option", "GiaiPhap" },
  { "action_item", "HanhDong" },
  { "monitoring_record", "QuanTrac" },
  { "observation", "QuanSat" },
  { "checklist_answer", "BangKiem" },
  { NULL, NULL },
};

static const ShReportItem items_product[] = {
  { ITEM_FIELD, "Ten", "name", FIELD_TEXT, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("name") },
  { ITEM_FIELD, "CongSuat", "capacity", FIELD_DECIMAL, NULL, NULL, 0, NULL, HOOK_NONE, N_("design capacity") },
  { ITEM_FIELD, "DonViCongSuat", "capacity_unit", FIELD_UNIT, NULL, NULL, 0, NULL, HOOK_NONE, N_("unit of the design capacity") },
  { ITEM_FIELD, "SanLuongNam", "annual_output", FIELD_DECIMAL, NULL, NULL, 0, NULL, HOOK_NONE, N_("annual output") },
  { ITEM_FIELD, "DonViSanLuong", "output_unit", FIELD_UNIT, NULL, NULL, 0, NULL, HOOK_NONE, N_("unit of the annual output") },
};

static const ShReportRecordMap map_product = {
  "SanPham", "facility_product", "facility_id", N_("product"),
  items_product, G_N_ELEMENTS (items_product),
};

static const ShReportItem items_member[] = {
  { ITEM_FIELD, "HoTen", "name", FIELD_TEXT, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("name") },
  { ITEM_FIELD, "ChucVu", "position", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("position") },
  { ITEM_FIELD, "PhongBan", "department", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("department") },
  { ITEM_FIELD, "VaiTro", "role", FIELD_ENUM, enum_team_role, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("role") },
  { ITEM_FIELD, "DienThoai", "phone", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("phone") },
  { ITEM_FIELD, "Email", "email", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("e-mail") },
  { ITEM_FIELD, "NhiemVu", "responsibility", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("responsibility in the team") },
};

static const ShReportRecordMap map_member = {
  "ThanhVien", "team_member", "facility_id", N_("team member"),
  items_member, G_N_ELEMENTS (items_member),
};

static const ShReportItem items_training[] = {
  { ITEM_FIELD, "Ngay", "date", FIELD_DATE, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("date") },
  { ITEM_FIELD, "TieuDe", "title", FIELD_TEXT, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("title") },
  { ITEM_FIELD, "DonViToChuc", "organiser", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("organiser") },
  { ITEM_FIELD, "NguoiThamDu", "participants", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("participants from the facility") },
  { ITEM_FIELD, "SoNguoiThamDu", "participant_count", FIELD_INTEGER, NULL, NULL, 0, NULL, HOOK_NONE, N_("number of participants") },
  { ITEM_FIELD, "ChungNhan", "certificate", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("certificate number") },
};

static const ShReportRecordMap map_training = {
  "DaoTao", "training_event", "facility_id", N_("training event"),
  items_training, G_N_ELEMENTS (items_training),
};

static const ShReportItem items_facility_bophansxsh[] = {
  { ITEM_FIELD, "SoQuyetDinh", "cp_unit_decision_no", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("number of the decision establishing it") },
  { ITEM_FIELD, "NgayQuyetDinh", "cp_unit_decision_date", FIELD_DATE, NULL, NULL, 0, NULL, HOOK_NONE, N_("date of the decision") },
  { ITEM_CHILDREN, "ThanhVien", NULL, 0, NULL, NULL, 0, &map_member, HOOK_NONE, NULL },
};

static const ShReportRecordMap map_facility_bophansxsh = {
  "BoPhanSXSH", NULL, NULL, NULL,
  items_facility_bophansxsh, G_N_ELEMENTS (items_facility_bophansxsh),
};

static const ShReportItem items_facility[] = {
  { ITEM_FIELD, "Ten", "name", FIELD_TEXT, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("name") },
  { ITEM_FIELD, "MaSoThue", "tax_code", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("tax code (MST)") },
  { ITEM_FIELD, "DiaChi", "address", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("address") },
  { ITEM_FIELD, "MaTinh", "province_code", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("province code") },
  { ITEM_FIELD, "QuanHuyen", "district", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("district or commune") },
  { ITEM_FIELD, "DienThoai", "phone", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("phone") },
  { ITEM_FIELD, "Email", "email", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("e-mail") },
  { ITEM_FIELD, "NguoiDaiDien", "legal_representative", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("legal representative") },
  { ITEM_FIELD, "LoaiHinhDoanhNghiep", "ownership", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("type of enterprise (ownership)") },
  { ITEM_FIELD, "MaVSIC", "vsic_code", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("VSIC code") },
  { ITEM_FIELD, "MaNganh", "sector_code", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("sector code of the Sạch Hơn reference data") },
  { ITEM_FIELD, "QuyMo", "size_class", FIELD_ENUM, sh_report_enum_size_class, NULL, 0, NULL, HOOK_NONE, N_("size class") },
  { ITEM_FIELD, "SoLaoDong", "employees", FIELD_INTEGER, NULL, NULL, 0, NULL, HOOK_NONE, N_("number of employees") },
  { ITEM_FIELD, "VonVND", "capital_vnd", FIELD_INTEGER, NULL, NULL, 0, NULL, HOOK_NONE, N_("capital (đồng)") },
  { ITEM_FIELD, "DoanhThuVND", "revenue_vnd", FIELD_INTEGER, NULL, NULL, 0, NULL, HOOK_NONE, N_("annual revenue (đồng)") },
  { ITEM_FIELD, "SoNgayHoatDong", "operating_days", FIELD_INTEGER, NULL, NULL, 0, NULL, HOOK_NONE, N_("operating days a year") },
  { ITEM_FIELD, "SoCaNgay", "shifts_per_day", FIELD_INTEGER, NULL, NULL, 0, NULL, HOOK_NONE, N_("shifts a day") },
  { ITEM_FIELD, "ChungNhanHeThong", "certifications", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("management-system certifications (ISO 9001, 14001, 50001…)") },
  { ITEM_FIELD, "SuDungNangLuongTrongDiem", "key_energy_user", FIELD_BOOLEAN, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("key energy user") },
  { ITEM_FIELD, "NamBatDauSXSH", "cp_start_year", FIELD_INTEGER, NULL, NULL, 0, NULL, HOOK_NONE, N_("year the facility started CP") },
  { ITEM_FIELD, "GiayPhepMoiTruong", "env_permit", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("environmental permit") },
  { ITEM_FIELD, "ViDo", "latitude", FIELD_DECIMAL, NULL, NULL, 0, NULL, HOOK_NONE, N_("latitude") },
  { ITEM_FIELD, "KinhDo", "longitude", FIELD_DECIMAL, NULL, NULL, 0, NULL, HOOK_NONE, N_("longitude") },
  { ITEM_FIELD, "GhiChu", "notes", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("notes") },
  { ITEM_CHILDREN, "SanPham", NULL, 0, NULL, NULL, 0, &map_product, HOOK_NONE, NULL },
  { ITEM_GROUP, "BoPhanSXSH", NULL, 0, NULL, NULL, 0, &map_facility_bophansxsh, HOOK_NONE, NULL },
  { ITEM_CHILDREN, "DaoTao", NULL, 0, NULL, NULL, ITEM_ANNUAL_FILTER, &map_training, HOOK_NONE, NULL },
};

const ShReportRecordMap sh_report_map_facility = {
  "CoSo", "facility", NULL, N_("facility"),
  items_facility, G_N_ELEMENTS (items_facility),
};

static const ShReportItem items_consultant[] = {
  { ITEM_FIELD, "HoTen", "name", FIELD_TEXT, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("name") },
  { ITEM_FIELD, "ToChuc", "organisation", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("organisation") },
  { ITEM_FIELD, "SoChungChi", "certificate_no", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("CP consultant certificate number") },
  { ITEM_FIELD, "NgayChungChi", "certificate_date", FIELD_DATE, NULL, NULL, 0, NULL, HOOK_NONE, N_("date of the certificate") },
  { ITEM_FIELD, "DienThoai", "phone", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("phone") },
  { ITEM_FIELD, "Email", "email", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("e-mail") },
};

const ShReportRecordMap sh_report_map_consultant = {
  "ChuyenGia", "consultant", NULL, N_("consultant"),
  items_consultant, G_N_ELEMENTS (items_consultant),
};

static const ShReportItem items_assessment_consultant[] = {
  { ITEM_FIELD, "MaChuyenGia", "consultant_id", FIELD_REF, NULL, "consultant", ITEM_REQUIRED, NULL, HOOK_NONE, N_("consultant") },
  { ITEM_FIELD, "VaiTro", "role", FIELD_ENUM, enum_consultant_role, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("role") },
};

static const ShReportRecordMap map_assessment_consultant = {
  "TuVan", "assessment_consultant", "assessment_id", N_("consultant of the assessment"),
  items_assessment_consultant, G_N_ELEMENTS (items_assessment_consultant),
};

static const ShReportItem items_production[] = {
  { ITEM_FIELD, "GiaiDoan", "phase", FIELD_ENUM, enum_phase, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("phase") },
  { ITEM_FIELD, "Ky", "period_label", FIELD_TEXT, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("period") },
  { ITEM_FIELD, "TuNgay", "period_start", FIELD_DATE, NULL, NULL, 0, NULL, HOOK_NONE, N_("first day of the period") },
  { ITEM_FIELD, "DenNgay", "period_end", FIELD_DATE, NULL, NULL, 0, NULL, HOOK_NONE, N_("last day of the period") },
  { ITEM_FIELD, "SanPham", "product", FIELD_TEXT, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("product") },
  { ITEM_FIELD, "SanLuong", "quantity", FIELD_DECIMAL, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("quantity") },
  { ITEM_FIELD, "DonVi", "unit", FIELD_UNIT, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("unit") },
  { ITEM_FIELD, "SoGioVanHanh", "operating_hours", FIELD_DECIMAL, NULL, NULL, 0, NULL, HOOK_NONE, N_("operating hours") },
};

static const ShReportRecordMap map_production = {
  "SoLieuSanXuat", "production_record", "assessment_id", N_("production record"),
  items_production, G_N_ELEMENTS (items_production),
};

static const ShReportItem items_consumption[] = {
  { ITEM_FIELD, "GiaiDoan", "phase", FIELD_ENUM, enum_phase, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("phase") },
  { ITEM_FIELD, "Ky", "period_label", FIELD_TEXT, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("period") },
  { ITEM_FIELD, "TuNgay", "period_start", FIELD_DATE, NULL, NULL, 0, NULL, HOOK_NONE, N_("first day of the period") },
  { ITEM_FIELD, "DenNgay", "period_end", FIELD_DATE, NULL, NULL, 0, NULL, HOOK_NONE, N_("last day of the period") },
  { ITEM_FIELD, "MaTaiNguyen", "resource_code", FIELD_TEXT, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("resource code") },
  { ITEM_FIELD, "TenTaiNguyen", "resource_name", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("name of the resource") },
  { ITEM_FIELD, "MaNhienLieu", "fuel_code", FIELD_FUEL, NULL, NULL, 0, NULL, HOOK_NONE, N_("fuel code of the units table (for energy conversion)") },
  { ITEM_FIELD, "Nhom", "category", FIELD_ENUM, enum_resource_category, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("category") },
  { ITEM_FIELD, "SoLuong", "quantity", FIELD_DECIMAL, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("quantity") },
  { ITEM_FIELD, "DonVi", "unit", FIELD_UNIT, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("unit") },
  { ITEM_FIELD, "DonGiaVND", "unit_price_vnd", FIELD_INTEGER, NULL, NULL, 0, NULL, HOOK_NONE, N_("unit price (đồng per unit)") },
  { ITEM_FIELD, "NguonSoLieu", "data_source", FIELD_ENUM, enum_data_source, NULL, 0, NULL, HOOK_NONE, N_("source of the figure") },
  { ITEM_FIELD, "MaDongHo", "meter_id", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("meter identifier") },
};

static const ShReportRecordMap map_consumption = {
  "TieuThuTaiNguyen", "resource_consumption", "assessment_id", N_("resource consumption record"),
  items_consumption, G_N_ELEMENTS (items_consumption),
};

static const ShReportItem items_equipment[] = {
  { ITEM_FIELD, "Ten", "name", FIELD_TEXT, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("name") },
  { ITEM_FIELD, "CongSuatKW", "rated_kw", FIELD_DECIMAL, NULL, NULL, 0, NULL, HOOK_NONE, N_("rated power (kW)") },
  { ITEM_FIELD, "NangSuat", "capacity", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("capacity") },
  { ITEM_FIELD, "TuoiNam", "age_years", FIELD_INTEGER, NULL, NULL, 0, NULL, HOOK_NONE, N_("age (years)") },
  { ITEM_FIELD, "TinhTrang", "condition", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("condition") },
};

static const ShReportRecordMap map_equipment = {
  "ThietBi", "equipment", "step_id", N_("equipment"),
  items_equipment, G_N_ELEMENTS (items_equipment),
};

static const ShReportItem items_step[] = {
  { ITEM_FIELD, "ThuTu", "seq", FIELD_INTEGER, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("order") },
  { ITEM_FIELD, "Ten", "name", FIELD_TEXT, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("name") },
  { ITEM_FIELD, "MoTa", "description", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("description") },
  { ITEM_FIELD, "ThongSoVanHanh", "parameters", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("operating parameters") },
  { ITEM_CHILDREN, "ThietBi", NULL, 0, NULL, NULL, ITEM_DOSSIER_ONLY, &map_equipment, HOOK_NONE, NULL },
};

static const ShReportRecordMap map_step = {
  "CongDoan", "process_step", "assessment_id", N_("process step"),
  items_step, G_N_ELEMENTS (items_step),
};

static const ShReportItem items_flow[] = {
  { ITEM_FIELD, "GiaiDoan", "phase", FIELD_ENUM, enum_phase, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("phase") },
  { ITEM_FIELD, "TuCongDoan", "from_step_id", FIELD_REF, NULL, "process_step", 0, NULL, HOOK_NONE, N_("step") },
  { ITEM_FIELD, "TuNut", "from_label", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("name of the boundary node the flow comes from") },
  { ITEM_FIELD, "DenCongDoan", "to_step_id", FIELD_REF, NULL, "process_step", 0, NULL, HOOK_NONE, N_("step") },
  { ITEM_FIELD, "DenNut", "to_label", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("name of the boundary node the flow goes to") },
  { ITEM_FIELD, "ChatDong", "substance", FIELD_TEXT, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("substance") },
  { ITEM_FIELD, "Loai", "kind", FIELD_ENUM, enum_flow_kind, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("kind") },
  { ITEM_FIELD, "SoLuong", "quantity", FIELD_DECIMAL, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("quantity") },
  { ITEM_FIELD, "DonVi", "unit", FIELD_UNIT, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("unit") },
  { ITEM_FIELD, "MaNhienLieu", "fuel_code", FIELD_FUEL, NULL, NULL, 0, NULL, HOOK_NONE, N_("fuel code (a fuel measured by mass or volume)") },
  { ITEM_FIELD, "ChuKy", "period", FIELD_ENUM, enum_flow_period, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("period") },
  { ITEM_FIELD, "NguonGoc", "provenance", FIELD_ENUM, enum_provenance, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("provenance") },
  { ITEM_FIELD, "PhuongPhapDo", "method", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("measurement method") },
  { ITEM_FIELD, "NgayDo", "measured_on", FIELD_DATETIME, NULL, NULL, 0, NULL, HOOK_NONE, N_("date of measurement") },
  { ITEM_FIELD, "NhietDoC", "temperature_c", FIELD_DECIMAL, NULL, NULL, 0, NULL, HOOK_NONE, N_("temperature (°C)") },
  { ITEM_FIELD, "CODmgL", "cod_mg_l", FIELD_DECIMAL, NULL, NULL, 0, NULL, HOOK_NONE, N_("COD (mg/L)") },
  { ITEM_FIELD, "BOD5mgL", "bod5_mg_l", FIELD_DECIMAL, NULL, NULL, 0, NULL, HOOK_NONE, N_("BOD5 (mg/L)") },
  { ITEM_FIELD, "SSmgL", "ss_mg_l", FIELD_DECIMAL, NULL, NULL, 0, NULL, HOOK_NONE, N_("suspended solids (mg/L)") },
  { ITEM_FIELD, "NmgL", "n_mg_l", FIELD_DECIMAL, NULL, NULL, 0, NULL, HOOK_NONE, N_("total nitrogen (mg/L)") },
  { ITEM_FIELD, "pH", "ph", FIELD_DECIMAL, NULL, NULL, 0, NULL, HOOK_NONE, N_("pH") },
  { ITEM_FIELD, "ChiPhiDonViVND", "cost_per_unit_vnd", FIELD_INTEGER, NULL, NULL, 0, NULL, HOOK_NONE, N_("cost per unit (đồng)") },
};

static const ShReportRecordMap map_flow = {
  "DongVatChat", "flow", "assessment_id", N_("flow"),
  items_flow, G_N_ELEMENTS (items_flow),
};

static const ShReportItem items_waste[] = {
  { ITEM_FIELD, "MaCongDoan", "step_id", FIELD_REF, NULL, "process_step", 0, NULL, HOOK_NONE, N_("step") },
  { ITEM_FIELD, "Ten", "name", FIELD_TEXT, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("name") },
  { ITEM_FIELD, "Loai", "type", FIELD_ENUM, enum_waste_type, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("type") },
  { ITEM_FIELD, "SoLuong", "quantity", FIELD_DECIMAL, NULL, NULL, 0, NULL, HOOK_NONE, N_("quantity a year") },
  { ITEM_FIELD, "DonVi", "unit", FIELD_UNIT, NULL, NULL, 0, NULL, HOOK_NONE, N_("unit") },
  { ITEM_FIELD, "DacTinh", "characteristics", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("characteristics") },
  { ITEM_FIELD, "XuLyHienTai", "handling", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("current handling") },
  { ITEM_FIELD, "ThatThoatNguyenLieuVND", "material_loss_vnd", FIELD_INTEGER, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("material and product lost in the stream (đồng a year)") },
  { ITEM_FIELD, "ThatThoatNangLuongVND", "energy_loss_vnd", FIELD_INTEGER, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("energy lost (đồng a year)") },
  { ITEM_FIELD, "ChiPhiXuLyVND", "treatment_vnd", FIELD_INTEGER, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("treatment cost (đồng a year)") },
  { ITEM_FIELD, "PhiVND", "fees_vnd", FIELD_INTEGER, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("fees and disposal charges (đồng a year)") },
  { ITEM_FIELD, "MucDoQuanTrong", "significance", FIELD_INTEGER, NULL, NULL, 0, NULL, HOOK_NONE, N_("significance score (0–10)") },
  { ITEM_FIELD, "LaTrongTam", "is_focus", FIELD_BOOLEAN, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("selected as a focus") },
  { ITEM_FIELD, "LyDoTrongTam", "focus_reason", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("why it was selected") },
  { ITEM_COMPUTED, "TongChiPhiVND", NULL, 0, NULL, NULL, 0, NULL, HOOK_WASTE_COST, NULL },
};

static const ShReportRecordMap map_waste = {
  "DongThai", "waste_stream", "assessment_id", N_("waste stream"),
  items_waste, G_N_ELEMENTS (items_waste),
};

static const ShReportItem items_cause[] = {
  { ITEM_FIELD, "MaDongThai", "waste_stream_id", FIELD_REF, NULL, "waste_stream", 0, NULL, HOOK_NONE, N_("waste stream") },
  { ITEM_FIELD, "MoTa", "description", FIELD_TEXT, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("description") },
  { ITEM_FIELD, "Nhom", "category", FIELD_ENUM, enum_cause_category, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("category") },
  { ITEM_FIELD, "BangChung", "evidence", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("evidence") },
};

static const ShReportRecordMap map_cause = {
  "NguyenNhan", "cause", "assessment_id", N_("cause"),
  items_cause, G_N_ELEMENTS (items_cause),
};

static const ShReportItem items_option_cause[] = {
  { ITEM_FIELD, "MaNguyenNhan", "cause_id", FIELD_REF, NULL, "cause", ITEM_REQUIRED, NULL, HOOK_NONE, N_("cause") },
};

static const ShReportRecordMap map_option_cause = {
  "LienKetNguyenNhan", "option_cause", "option_id", N_("cause link"),
  items_option_cause, G_N_ELEMENTS (items_option_cause),
};

static const ShReportItem items_investment[] = {
  { ITEM_FIELD, "HangMuc", "item", FIELD_ENUM, enum_investment_item, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("item") },
  { ITEM_FIELD, "SoTienVND", "amount_vnd", FIELD_INTEGER, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("amount") },
  { ITEM_FIELD, "GhiChu", "note", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("note") },
};

static const ShReportRecordMap map_investment = {
  "DauTu", "option_investment", "option_id", N_("investment item"),
  items_investment, G_N_ELEMENTS (items_investment),
};

static const ShReportItem items_saving[] = {
  { ITEM_FIELD, "MaTaiNguyen", "resource_code", FIELD_TEXT, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("resource code") },
  { ITEM_FIELD, "SoLuong", "quantity", FIELD_DECIMAL, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("quantity") },
  { ITEM_FIELD, "DonVi", "unit", FIELD_UNIT, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("unit") },
  { ITEM_FIELD, "DonGiaVND", "unit_price_vnd", FIELD_INTEGER, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("unit price (đồng per unit)") },
};

static const ShReportRecordMap map_saving = {
  "TietKiem", "option_saving", "option_id", N_("saving"),
  items_saving, G_N_ELEMENTS (items_saving),
};

static const ShReportItem items_env_effect[] = {
  { ITEM_FIELD, "ChiTieu", "indicator", FIELD_ENUM, sh_report_enum_env_indicator, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("indicator") },
  { ITEM_FIELD, "LuongGiam", "reduction", FIELD_DECIMAL, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("reduction") },
  { ITEM_FIELD, "DonVi", "unit", FIELD_UNIT, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("unit") },
};

static const ShReportRecordMap map_env_effect = {
  "MoiTruong", "option_env_effect", "option_id", N_("environmental effect"),
  items_env_effect, G_N_ELEMENTS (items_env_effect),
};

static const ShReportItem items_option[] = {
  { ITEM_FIELD, "KyHieu", "code", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("code") },
  { ITEM_FIELD, "MaThuVien", "library_code", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("code in the option library") },
  { ITEM_FIELD, "TieuDe", "title", FIELD_TEXT, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("title") },
  { ITEM_FIELD, "MoTa", "description", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("description") },
  { ITEM_FIELD, "MaCongDoan", "step_id", FIELD_REF, NULL, "process_step", 0, NULL, HOOK_NONE, N_("step") },
  { ITEM_FIELD, "Nhom", "category", FIELD_ENUM, enum_option_category, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("category") },
  { ITEM_FIELD, "MucChiPhi", "cost_class", FIELD_ENUM, enum_cost_class, NULL, 0, NULL, HOOK_NONE, N_("cost class") },
  { ITEM_FIELD, "LaCaiThienNhanh", "is_quick_win", FIELD_BOOLEAN, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("a quick win") },
  { ITEM_FIELD, "SangLoc", "screening", FIELD_ENUM, enum_screening, NULL, 0, NULL, HOOK_NONE, N_("screening decision") },
  { ITEM_FIELD, "LyDoSangLoc", "screening_reason", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("reason") },
  { ITEM_FIELD, "GhiChuKyThuat", "tech_notes", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("technical feasibility notes") },
  { ITEM_FIELD, "KetLuanKyThuat", "tech_verdict", FIELD_ENUM, enum_tech_verdict, NULL, 0, NULL, HOOK_NONE, N_("technical verdict") },
  { ITEM_FIELD, "GhiChuMoiTruong", "env_notes", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("environmental notes") },
  { ITEM_FIELD, "ThayDoiChiPhiVanHanhVND", "om_change_vnd", FIELD_INTEGER, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("change in operating and maintenance cost a year (đồng)") },
  { ITEM_FIELD, "ChiPhiTranhDuocVND", "avoided_cost_vnd", FIELD_INTEGER, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("costs avoided a year (đồng)") },
  { ITEM_FIELD, "VongDoiNam", "life_years", FIELD_INTEGER, NULL, NULL, 0, NULL, HOOK_NONE, N_("life (years)") },
  { ITEM_FIELD, "TyLeChietKhauPct", "discount_rate_pct", FIELD_DECIMAL, NULL, NULL, 0, NULL, HOOK_NONE, N_("discount rate (percent a year)") },
  { ITEM_FIELD, "QuyetDinhKinhTe", "econ_decision", FIELD_ENUM, enum_econ_decision, NULL, 0, NULL, HOOK_NONE, N_("economic decision") },
  { ITEM_FIELD, "NguoiPhuTrach", "responsible", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("responsible person") },
  { ITEM_FIELD, "TrangThai", "status", FIELD_ENUM, enum_option_status, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("status") },
  { ITEM_FIELD, "BatDauKeHoach", "planned_start", FIELD_DATE, NULL, NULL, 0, NULL, HOOK_NONE, N_("planned start") },
  { ITEM_FIELD, "KetThucKeHoach", "planned_end", FIELD_DATE, NULL, NULL, 0, NULL, HOOK_NONE, N_("planned end") },
  { ITEM_FIELD, "BatDauThucTe", "actual_start", FIELD_DATE, NULL, NULL, 0, NULL, HOOK_NONE, N_("actual start") },
  { ITEM_FIELD, "KetThucThucTe", "actual_end", FIELD_DATE, NULL, NULL, 0, NULL, HOOK_NONE, N_("actual end") },
  { ITEM_FIELD, "DuocChon", "selected", FIELD_BOOLEAN, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("selected for implementation") },
  { ITEM_CHILDREN, "LienKetNguyenNhan", NULL, 0, NULL, NULL, ITEM_DOSSIER_ONLY, &map_option_cause, HOOK_NONE, NULL },
  { ITEM_CHILDREN, "DauTu", NULL, 0, NULL, NULL, 0, &map_investment, HOOK_NONE, NULL },
  { ITEM_CHILDREN, "TietKiem", NULL, 0, NULL, NULL, 0, &map_saving, HOOK_NONE, NULL },
  { ITEM_CHILDREN, "MoiTruong", NULL, 0, NULL, NULL, 0, &map_env_effect, HOOK_NONE, NULL },
  { ITEM_COMPUTED, "KinhTe", NULL, 0, NULL, NULL, 0, NULL, HOOK_OPTION_ECONOMICS, NULL },
};

static const ShReportRecordMap map_option = {
  "GiaiPhap", "cp_option", "assessment_id", N_("option"),
  items_option, G_N_ELEMENTS (items_option),
};

static const ShReportItem items_score[] = {
  { ITEM_FIELD, "MaGiaiPhap", "option_id", FIELD_REF, NULL, "cp_option", ITEM_REQUIRED, NULL, HOOK_NONE, N_("option") },
  { ITEM_FIELD, "Diem", "score", FIELD_DECIMAL, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("score") },
};

static const ShReportRecordMap map_score = {
  "DiemXepHang", "ranking_score", "criterion_id", N_("ranking score"),
  items_score, G_N_ELEMENTS (items_score),
};

static const ShReportItem items_criterion[] = {
  { ITEM_FIELD, "Ten", "name", FIELD_TEXT, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("name") },
  { ITEM_FIELD, "TrongSo", "weight", FIELD_DECIMAL, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("weight") },
  { ITEM_CHILDREN, "DiemXepHang", NULL, 0, NULL, NULL, 0, &map_score, HOOK_NONE, NULL },
};

static const ShReportRecordMap map_criterion = {
  "TieuChiXepHang", "ranking_criterion", "assessment_id", N_("ranking criterion"),
  items_criterion, G_N_ELEMENTS (items_criterion),
};

static const ShReportItem items_action[] = {
  { ITEM_FIELD, "MaGiaiPhap", "option_id", FIELD_REF, NULL, "cp_option", 0, NULL, HOOK_NONE, N_("option") },
  { ITEM_FIELD, "NhiemVu", "task", FIELD_TEXT, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("task") },
  { ITEM_FIELD, "NguoiThucHien", "owner", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("owner") },
  { ITEM_FIELD, "NgayBatDau", "start_date", FIELD_DATE, NULL, NULL, 0, NULL, HOOK_NONE, N_("start") },
  { ITEM_FIELD, "NgayKetThuc", "end_date", FIELD_DATE, NULL, NULL, 0, NULL, HOOK_NONE, N_("end") },
  { ITEM_FIELD, "NganSachVND", "budget_vnd", FIELD_INTEGER, NULL, NULL, 0, NULL, HOOK_NONE, N_("budget (đồng)") },
  { ITEM_FIELD, "NguonLuc", "resources", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("resources") },
  { ITEM_FIELD, "TrangThai", "status", FIELD_ENUM, enum_action_status, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("status") },
  { ITEM_FIELD, "PhanTramHoanThanh", "percent_done", FIELD_INTEGER, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("percent done") },
};

static const ShReportRecordMap map_action = {
  "HanhDong", "action_item", "assessment_id", N_("action item"),
  items_action, G_N_ELEMENTS (items_action),
};

static const ShReportItem items_monitoring[] = {
  { ITEM_FIELD, "MaGiaiPhap", "option_id", FIELD_REF, NULL, "cp_option", 0, NULL, HOOK_NONE, N_("option") },
  { ITEM_FIELD, "ChiTieu", "indicator", FIELD_TEXT, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("indicator") },
  { ITEM_FIELD, "MaTaiNguyen", "resource_code", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("resource code") },
  { ITEM_FIELD, "DonVi", "unit", FIELD_UNIT, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("unit") },
  { ITEM_FIELD, "GiaTriNen", "baseline_value", FIELD_DECIMAL, NULL, NULL, 0, NULL, HOOK_NONE, N_("baseline value") },
  { ITEM_FIELD, "KyNen", "baseline_period", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("baseline period") },
  { ITEM_FIELD, "GiaTriMucTieu", "target_value", FIELD_DECIMAL, NULL, NULL, 0, NULL, HOOK_NONE, N_("target value") },
  { ITEM_FIELD, "TanSuat", "frequency", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("frequency") },
  { ITEM_FIELD, "GiaTriDo", "measured_value", FIELD_DECIMAL, NULL, NULL, 0, NULL, HOOK_NONE, N_("measured value") },
  { ITEM_FIELD, "KyDo", "measured_period", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("measured period") },
  { ITEM_FIELD, "NgayDo", "measured_on", FIELD_DATE, NULL, NULL, 0, NULL, HOOK_NONE, N_("date measured") },
  { ITEM_FIELD, "TietKiemVNDNam", "savings_vnd_year", FIELD_INTEGER, NULL, NULL, 0, NULL, HOOK_NONE, N_("savings (đồng a year)") },
  { ITEM_FIELD, "NguoiXacNhan", "verified_by", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("verified by") },
  { ITEM_COMPUTED, "TietKiemDatDuocPct", NULL, 0, NULL, NULL, 0, NULL, HOOK_MONITORING_SAVING, NULL },
};

static const ShReportRecordMap map_monitoring = {
  "QuanTrac", "monitoring_record", "assessment_id", N_("monitoring record"),
  items_monitoring, G_N_ELEMENTS (items_monitoring),
};

static const ShReportItem items_observation[] = {
  { ITEM_FIELD, "MaCongDoan", "step_id", FIELD_REF, NULL, "process_step", 0, NULL, HOOK_NONE, N_("step") },
  { ITEM_FIELD, "ViTri", "location", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("location") },
  { ITEM_FIELD, "VanDe", "issue", FIELD_TEXT, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("issue") },
  { ITEM_FIELD, "Nhom", "category", FIELD_ENUM, enum_observation_category, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("category") },
  { ITEM_FIELD, "MucDo", "severity", FIELD_ENUM, enum_severity, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("severity") },
  { ITEM_FIELD, "MaGiaiPhap", "option_id", FIELD_REF, NULL, "cp_option", 0, NULL, HOOK_NONE, N_("option") },
  { ITEM_FIELD, "ThoiDiem", "observed_at", FIELD_DATETIME, NULL, NULL, 0, NULL, HOOK_NONE, N_("when observed") },
};

static const ShReportRecordMap map_observation = {
  "QuanSat", "observation", "assessment_id", N_("observation"),
  items_observation, G_N_ELEMENTS (items_observation),
};

static const ShReportItem items_checklist[] = {
  { ITEM_FIELD, "MaMuc", "item_code", FIELD_TEXT, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("item code") },
  { ITEM_FIELD, "CauHoi", "question", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("question") },
  { ITEM_FIELD, "TraLoi", "answer", FIELD_ENUM, enum_answer, NULL, 0, NULL, HOOK_NONE, N_("answer") },
  { ITEM_FIELD, "GhiChu", "note", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("note") },
};

static const ShReportRecordMap map_checklist = {
  "BangKiem", "checklist_answer", "assessment_id", N_("checklist answer"),
  items_checklist, G_N_ELEMENTS (items_checklist),
};

static const ShReportItem items_evidence[] = {
  { ITEM_FIELD, "LoaiDoiTuong", "entity_table", FIELD_ENTITY_TABLE, enum_entity_table, NULL, 0, NULL, HOOK_NONE, N_("kind of record the evidence is about") },
  { ITEM_FIELD, "MaDoiTuong", "entity_id", FIELD_ENTITY_REF, NULL, NULL, 0, NULL, HOOK_NONE, N_("linked record") },
  { ITEM_FIELD, "Loai", "kind", FIELD_ENUM, enum_evidence_kind, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("kind") },
  { ITEM_FIELD, "TenTep", "file_name", FIELD_TEXT, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("file name") },
  { ITEM_FIELD, "KieuTep", "media_type", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("media type") },
  { ITEM_FIELD, "DuongDan", "file_path", FIELD_TEXT, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("file path") },
  { ITEM_FIELD, "KichThuocByte", "size_bytes", FIELD_INTEGER, NULL, NULL, 0, NULL, HOOK_NONE, N_("size (bytes)") },
  { ITEM_FIELD, "SHA256", "sha256", FIELD_TEXT, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("SHA-256") },
  { ITEM_FIELD, "ThoiDiemChup", "taken_at", FIELD_DATETIME, NULL, NULL, 0, NULL, HOOK_NONE, N_("date or time taken") },
  { ITEM_FIELD, "MoTa", "description", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("description") },
  { ITEM_FIELD, "ViDo", "latitude", FIELD_DECIMAL, NULL, NULL, 0, NULL, HOOK_NONE, N_("latitude") },
  { ITEM_FIELD, "KinhDo", "longitude", FIELD_DECIMAL, NULL, NULL, 0, NULL, HOOK_NONE, N_("longitude") },
};

static const ShReportRecordMap map_evidence = {
  "BangChung", "evidence", "assessment_id", N_("evidence"),
  items_evidence, G_N_ELEMENTS (items_evidence),
};

static const ShReportItem items_assessment_summary[] = {
  { ITEM_FIELD, "Loai", "kind", FIELD_ENUM, enum_assessment_kind, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("kind") },
  { ITEM_FIELD, "TieuDe", "title", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("title") },
  { ITEM_FIELD, "NgayBatDau", "start_date", FIELD_DATE, NULL, NULL, 0, NULL, HOOK_NONE, N_("start date") },
  { ITEM_FIELD, "NgayKetThuc", "end_date", FIELD_DATE, NULL, NULL, 0, NULL, HOOK_NONE, N_("end date") },
  { ITEM_FIELD, "SoNgayHienTruong", "site_days", FIELD_INTEGER, NULL, NULL, 0, NULL, HOOK_NONE, N_("days on site") },
  { ITEM_FIELD, "NguonKinhPhi", "funding_source", FIELD_ENUM, enum_funding_source, NULL, 0, NULL, HOOK_NONE, N_("funding source") },
  { ITEM_FIELD, "PhamVi", "scope", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("scope") },
  { ITEM_FIELD, "TrongTam", "focus", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("focus") },
  { ITEM_FIELD, "TrangThai", "status", FIELD_STATUS, sh_report_enum_assessment_status, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("status") },
  { ITEM_FIELD, "KyNenTu", "baseline_from", FIELD_DATE, NULL, NULL, 0, NULL, HOOK_NONE, N_("start of the baseline period") },
  { ITEM_FIELD, "KyNenDen", "baseline_to", FIELD_DATE, NULL, NULL, 0, NULL, HOOK_NONE, N_("end of the baseline period") },
  { ITEM_FIELD, "SaiSoCanBangPct", "tolerance_pct", FIELD_DECIMAL, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("tolerated balance closure (%)") },
  { ITEM_FIELD, "TyLeChietKhauPct", "discount_rate_pct", FIELD_DECIMAL, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("discount rate (percent a year)") },
  { ITEM_FIELD, "VongDoiNam", "life_years", FIELD_INTEGER, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("default life of an option (years)") },
  { ITEM_FIELD, "MucTieuToiThieuPct", "target_min_pct", FIELD_DECIMAL, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("lower end of the saving target band (%)") },
  { ITEM_FIELD, "MucTieuToiDaPct", "target_max_pct", FIELD_DECIMAL, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("upper end of the saving target band (%)") },
  { ITEM_CHILDREN, "TuVan", NULL, 0, NULL, NULL, 0, &map_assessment_consultant, HOOK_NONE, NULL },
  { ITEM_CHILDREN, "SoLieuSanXuat", NULL, 0, NULL, NULL, 0, &map_production, HOOK_NONE, NULL },
  { ITEM_CHILDREN, "TieuThuTaiNguyen", NULL, 0, NULL, NULL, 0, &map_consumption, HOOK_NONE, NULL },
  { ITEM_CHILDREN, "CongDoan", NULL, 0, NULL, NULL, ITEM_ANNUAL_FILTER, &map_step, HOOK_NONE, NULL },
  { ITEM_CHILDREN, "GiaiPhap", NULL, 0, NULL, NULL, ITEM_ANNUAL_FILTER, &map_option, HOOK_NONE, NULL },
};

const ShReportRecordMap sh_report_map_assessment_summary = {
  "DanhGia", "assessment", "facility_id", N_("assessment"),
  items_assessment_summary, G_N_ELEMENTS (items_assessment_summary),
};

static const ShReportItem items_assessment[] = {
  { ITEM_FIELD, "MaDanhGiaTruoc", "parent_assessment_id", FIELD_REF, NULL, "assessment", 0, NULL, HOOK_NONE, N_("earlier assessment") },
  { ITEM_FIELD, "Loai", "kind", FIELD_ENUM, enum_assessment_kind, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("kind") },
  { ITEM_FIELD, "TieuDe", "title", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("title") },
  { ITEM_FIELD, "NgayBatDau", "start_date", FIELD_DATE, NULL, NULL, 0, NULL, HOOK_NONE, N_("start date") },
  { ITEM_FIELD, "NgayKetThuc", "end_date", FIELD_DATE, NULL, NULL, 0, NULL, HOOK_NONE, N_("end date") },
  { ITEM_FIELD, "SoNgayHienTruong", "site_days", FIELD_INTEGER, NULL, NULL, 0, NULL, HOOK_NONE, N_("days on site") },
  { ITEM_FIELD, "NguonKinhPhi", "funding_source", FIELD_ENUM, enum_funding_source, NULL, 0, NULL, HOOK_NONE, N_("funding source") },
  { ITEM_FIELD, "PhamVi", "scope", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("scope") },
  { ITEM_FIELD, "TrongTam", "focus", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("focus") },
  { ITEM_FIELD, "TrangThai", "status", FIELD_STATUS, sh_report_enum_assessment_status, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("status") },
  { ITEM_FIELD, "KyNenTu", "baseline_from", FIELD_DATE, NULL, NULL, 0, NULL, HOOK_NONE, N_("start of the baseline period") },
  { ITEM_FIELD, "KyNenDen", "baseline_to", FIELD_DATE, NULL, NULL, 0, NULL, HOOK_NONE, N_("end of the baseline period") },
  { ITEM_FIELD, "NgonNgu", "language", FIELD_TEXT, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("language (ISO 639-1 code)") },
  { ITEM_FIELD, "CheDoVanHanh", "operating_regime", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("operating regime") },
  { ITEM_FIELD, "HienTrangMoiTruong", "environmental_status", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("environmental status") },
  { ITEM_FIELD, "SaiSoCanBangPct", "tolerance_pct", FIELD_DECIMAL, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("tolerated balance closure (%)") },
  { ITEM_FIELD, "TyLeChietKhauPct", "discount_rate_pct", FIELD_DECIMAL, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("discount rate (percent a year)") },
  { ITEM_FIELD, "VongDoiNam", "life_years", FIELD_INTEGER, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("default life of an option (years)") },
  { ITEM_FIELD, "MucTieuToiThieuPct", "target_min_pct", FIELD_DECIMAL, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("lower end of the saving target band (%)") },
  { ITEM_FIELD, "MucTieuToiDaPct", "target_max_pct", FIELD_DECIMAL, NULL, NULL, ITEM_REQUIRED, NULL, HOOK_NONE, N_("upper end of the saving target band (%)") },
  { ITEM_FIELD, "TrongTamDeXuat", "proposed_focus", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("proposed focus (quick assessment)") },
  { ITEM_FIELD, "TiemNangSXSHPct", "cp_potential_pct", FIELD_DECIMAL, NULL, NULL, 0, NULL, HOOK_NONE, N_("estimated CP potential (%)") },
  { ITEM_FIELD, "KienNghi", "recommendation", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("recommendation") },
  { ITEM_FIELD, "KienNghiTiepTuc", "continue_recommended", FIELD_BOOLEAN, NULL, NULL, 0, NULL, HOOK_NONE, N_("a detailed assessment is recommended") },
  { ITEM_FIELD, "DuyTriQuyTrinh", "sustain_sops", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("sustaining CP: operating procedures") },
  { ITEM_FIELD, "DuyTriDaoTao", "sustain_training", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("sustaining CP: training") },
  { ITEM_FIELD, "DuyTriChiSo", "sustain_kpis", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("sustaining CP: indicators followed") },
  { ITEM_FIELD, "TrongTamTiepTheo", "next_focus", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("next focus") },
  { ITEM_FIELD, "NgayXemXetTiepTheo", "next_review_date", FIELD_DATE, NULL, NULL, 0, NULL, HOOK_NONE, N_("next review date") },
  { ITEM_FIELD, "TuVanKy", "consultant_signature_name", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("consultant who signed") },
  { ITEM_FIELD, "NgayTuVanKy", "consultant_signature_date", FIELD_DATE, NULL, NULL, 0, NULL, HOOK_NONE, N_("date the consultant signed") },
  { ITEM_FIELD, "CoSoKy", "facility_signature_name", FIELD_TEXT, NULL, NULL, 0, NULL, HOOK_NONE, N_("facility representative who signed") },
  { ITEM_FIELD, "NgayCoSoKy", "facility_signature_date", FIELD_DATE, NULL, NULL, 0, NULL, HOOK_NONE, N_("date the facility signed") },
  { ITEM_CHILDREN, "TuVan", NULL, 0, NULL, NULL, 0, &map_assessment_consultant, HOOK_NONE, NULL },
  { ITEM_CHILDREN, "SoLieuSanXuat", NULL, 0, NULL, NULL, 0, &map_production, HOOK_NONE, NULL },
  { ITEM_CHILDREN, "TieuThuTaiNguyen", NULL, 0, NULL, NULL, 0, &map_consumption, HOOK_NONE, NULL },
  { ITEM_CHILDREN, "CongDoan", NULL, 0, NULL, NULL, 0, &map_step, HOOK_NONE, NULL },
  { ITEM_CHILDREN, "DongVatChat", NULL, 0, NULL, NULL, 0, &map_flow, HOOK_NONE, NULL },
  { ITEM_CHILDREN, "DongThai", NULL, 0, NULL, NULL, 0, &map_waste, HOOK_NONE, NULL },
  { ITEM_CHILDREN, "NguyenNhan", NULL, 0, NULL, NULL, 0, &map_cause, HOOK_NONE, NULL },
  { ITEM_CHILDREN, "GiaiPhap", NULL, 0, NULL, NULL, 0, &map_option, HOOK_NONE, NULL },
  { ITEM_CHILDREN, "TieuChiXepHang", NULL, 0, NULL, NULL, 0, &map_criterion, HOOK_NONE, NULL },
  { ITEM_CHILDREN, "HanhDong", NULL, 0, NULL, NULL, 0, &map_action, HOOK_NONE, NULL },
  { ITEM_CHILDREN, "QuanTrac", NULL, 0, NULL, NULL, 0, &map_monitoring, HOOK_NONE, NULL },
  { ITEM_CHILDREN, "QuanSat", NULL, 0, NULL, NULL, 0, &map_observation, HOOK_NONE, NULL },
  { ITEM_CHILDREN, "BangKiem", NULL, 0, NULL, NULL, 0, &map_checklist, HOOK_NONE, NULL },
  { ITEM_CHILDREN, "BangChung", NULL, 0, NULL, NULL, 0, &map_evidence, HOOK_NONE, NULL },
  { ITEM_COMPUTED, "KetQua", NULL, 0, NULL, NULL, 0, NULL, HOOK_ASSESSMENT_RESULTS, NULL },
};

const ShReportRecordMap sh_report_map_assessment = {
  "DanhGia", "assessment", "facility_id", N_("assessment"),
  items_assessment, G_N_ELEMENTS (items_assessment),
};

/* Every record map, for looking one up by table (evidence links). The
 * annual-report summary of an assessment shares the table of the full one
 * and is left out. */
static const ShReportRecordMap *const all_maps[] = {
  &map_product, &map_member, &map_training, &sh_report_map_facility, &sh_report_map_consultant,
  &map_assessment_consultant, &map_production, &map_consumption, &map_equipment, &map_step,
  &map_flow, &map_waste, &map_cause, &map_option_cause, &map_investment, &map_saving,
  &map_env_effect, &map_option, &map_score, &map_criterion, &map_action, &map_monitoring,
  &map_observation, &map_checklist, &map_evidence, &sh_report_map_assessment,
};

const ShReportRecordMap *
sh_report_map_for_table (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (all_maps); i++)
    if (g_strcmp0 (all_maps[i]->table, table) == 0)
      return all_maps[i];

  return NULL;
}

const char *
sh_report_enum_to_xml (const ShReportEnumValue *values,
                       const char              *db)
{
  if (values == NULL || db == NULL)
    return NULL;

  for (guint i = 0; values[i].db != NULL; i++)
    if (g_str_equal (values[i].db, db))
      return values[i].xml;

  return NULL;
}

const char *
sh_report_enum_to_db (const ShReportEnumValue *values,
                      const char              *xml)
{
  if (values == NULL || xml == NULL)
    return NULL;

  for (guint i = 0; values[i].db != NULL; i++)
    if (g_str_equal (values[i].xml, xml))
      return values[i].db;

  return NULL;
}
