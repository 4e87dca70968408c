/* sh-demo.c — a realistic demo data set, one facility per seed sector.
 *
 * The centrepiece is a cassava-starch plant in Kon Tum with a quick
 * assessment that led to a full detailed one: process steps, water, mass
 * and energy flows (with a recycling loop and one step that does not
 * balance, as real measurements often don't), waste streams with their
 * costs, causes, options in most categories with their economics, a ranking,
 * an action plan, and monitoring before and after. The figures are
 * plausible orders of magnitude drawn from DOMAIN.md §3.3, not data of a
 * real company.
 *
 * Every demo record has a fixed UUID, so running the demo twice finds the
 * first run's records and adds nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "sh-demo.h"
#include "sh-store-private.h"

#define DEMO_UUID(n) "5ac4d000-0000-4000-8000-" n

#define CASSAVA_FACILITY  DEMO_UUID ("000000000001")
#define CASSAVA_DETAILED  DEMO_UUID ("000000000101")

typedef struct
{
  ShStore  *store;
  GError  **error;
  gboolean  failed;
} Demo;

/* Adds one record (see sh_store_insert_fields() for the typed pairs). A
 * failure is remembered and makes every later call a no-op, so the data
 * reads as a list rather than a ladder of error checks. */
static gint64
add (Demo       *demo,
     const char *table,
     const char *uuid,
     ...)
{
  va_list args;
  gint64 id;

  if (demo->failed)
    return 0;

  va_start (args, uuid);
  id = sh_store_insert_fields_valist (demo->store, demo->error, table, uuid, args);
  va_end (args);

  if (id == 0)
    demo->failed = TRUE;

  return id;
}

static void
set_text (Demo       *demo,
          const char *table,
          gint64      id,
          const char *column,
          const char *value)
{
  if (!demo->failed && !sh_store_set_string (demo->store, table, id, column, value, demo->error))
    demo->failed = TRUE;
}

static void
set_int (Demo       *demo,
         const char *table,
         gint64      id,
         const char *column,
         gint64      value)
{
  if (!demo->failed && !sh_store_set_int (demo->store, table, id, column, value, demo->error))
    demo->failed = TRUE;
}

static gint64
find_by_uuid (ShStore    *store,
              const char *table,
              const char *uuid)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM \"%s\" WHERE uuid = ?1", table);
  sqlite3_stmt *stmt = sh_store_prepare (store, sql, NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id;
}

gint64
sh_demo_cassava_assessment (ShStore *store)
{
  g_return_val_if_fail (SH_IS_STORE (store), 0);

  return find_by_uuid (store, "assessment", CASSAVA_DETAILED);
}

/* Production and consumption for two half-years of one phase. */
static void
add_period_data (Demo       *demo,
                 gint64      assessment,
                 const char *uuid_prefix,
                 const char *phase,
                 int         year,
                 double      starch_h1,
                 double      starch_h2,
                 double      roots_per_t,
                 double      water_per_t,
                 double      kwh_per_t,
                 double      fo_l_per_t)
{
  const struct
  {
    const char *label;
    const char *start;
    const char *end;
    double      output;
  } halves[] = {
    { "H1", "-01-01", "-06-30", starch_h1 },
    { "H2", "-07-01", "-12-31", starch_h2 },
  };

  for (guint h = 0; h < G_N_ELEMENTS (halves); h++)
    {
      g_autofree char *label = g_strdup_printf ("%s/%d", halves[h].label, year);
      g_autofree char *start = g_strdup_printf ("%d%s", year, halves[h].start);
      g_autofree char *end = g_strdup_printf ("%d%s", year, halves[h].end);
      double t = halves[h].output;
      const struct
      {
        const char *code;
        const char *name;
        const char *category;
        double      quantity;
        const char *unit;
        gint64      price;
        const char *source;
        const char *fuel;
      } resources[] = {
        { "cassava_root", "Củ sắn tươi", "material", t * roots_per_t, "t", 2000000, "invoice", NULL },
        { "water", "Nước giếng khoan", "water", t * water_per_t, "m3", 6000, "meter", NULL },
        { "electricity", "Điện lưới", "electricity", t * kwh_per_t, "kWh", 1800, "invoice", NULL },
        { "fuel_oil", "Dầu FO", "fuel", t * fo_l_per_t, "L", 14000, "invoice", "fuel_oil" },
      };
      g_autofree char *production_uuid = g_strdup_printf ("%s%d%u0", uuid_prefix, year % 10, h);

      add (demo, "production_record", production_uuid,
           "r:assessment_id", assessment, "s:phase", phase, "s:period_label", label,
           "s:period_start", start, "s:period_end", end,
           "s:product", "Tinh bột sắn", "d:quantity", t, "s:unit", "t",
           "d:operating_hours", 2600.0, NULL);

      for (guint r = 0; r < G_N_ELEMENTS (resources); r++)
        {
          g_autofree char *uuid = g_strdup_printf ("%s%d%u%u", uuid_prefix, year % 10, h, r + 1);

          add (demo, "resource_consumption", uuid,
               "r:assessment_id", assessment, "s:phase", phase, "s:period_label", label,
               "s:period_start", start, "s:period_end", end,
               "s:resource_code", resources[r].code, "s:resource_name", resources[r].name,
               "s:category", resources[r].category, "d:quantity", resources[r].quantity,
               "s:unit", resources[r].unit, "m:unit_price_vnd", resources[r].price,
               "s:data_source", resources[r].source, "s:fuel_code", resources[r].fuel, NULL);
        }
    }
}

static gint64
add_option (Demo       *demo,
            gint64      assessment,
            const char *uuid,
            const char *code,
            const char *category,
            const char *title,
            gint64      step,
            const char *cost_class,
            const char *screening,
            const char *status)
{
  return add (demo, "cp_option", uuid,
              "r:assessment_id", assessment, "s:code", code, "s:category", category,
              "s:title", title, "r:step_id", step, "s:cost_class", cost_class,
              "s:screening", screening, "s:status", status, NULL);
}

static void
add_cassava_plant (Demo *demo)
{
  gint64 facility, quick, detailed, lead, second;
  gint64 receive, wash, rasp, separate, refine, dry, bag;
  gint64 ww, pulp, peel, flue;
  gint64 c_leak, c_wash, c_rasp, c_meter;
  gint64 o_leak, o_recycle, o_rasp, o_vfd, o_biogas, o_pulp, o_density, o_so2;
  gint64 k_tech, k_econ, k_env;

  facility = add (demo, "facility", CASSAVA_FACILITY,
                  "s:name", "Công ty TNHH Tinh bột sắn Đắk Tô",
                  "s:tax_code", "6100123456",
                  "s:address", "Km 12, Quốc lộ 14, xã Tân Cảnh, huyện Đắk Tô",
                  "s:province_code", "62", "s:district", "Đắk Tô",
                  "s:phone", "0260 3831 234", "s:email", "ktsx@tinhbotdakto.vn",
                  "s:legal_representative", "Nguyễn Văn Hùng",
                  "s:ownership", "Công ty TNHH", "s:vsic_code", "1062",
                  "s:sector_code", "cassava", "s:size_class", "medium",
                  "i:employees", 180, "m:capital_vnd", G_GINT64_CONSTANT (95000000000),
                  "m:revenue_vnd", G_GINT64_CONSTANT (310000000000),
                  "i:operating_days", 290, "i:shifts_per_day", 3,
                  "s:certifications", "ISO 9001:2015",
                  "i:key_energy_user", 1,
                  "s:cp_unit_decision_no", "15/QĐ-TBS", "s:cp_unit_decision_date", "2023-03-01",
                  "i:cp_start_year", 2023,
                  "s:env_permit", "GPMT 102/GP-UBND ngày 12/10/2022",
                  "d:latitude", 14.6853, "d:longitude", 107.8262, NULL);

  add (demo, "facility_product", DEMO_UUID ("000000000002"),
       "r:facility_id", facility, "s:name", "Tinh bột sắn", "d:capacity", 100.0,
       "s:capacity_unit", "t/ngày", "d:annual_output", 31000.0, "s:output_unit", "t", NULL);

  add (demo, "team_member", DEMO_UUID ("000000000011"),
       "r:facility_id", facility, "s:name", "Trần Minh Đức", "s:position", "Phó giám đốc kỹ thuật",
       "s:department", "Ban giám đốc", "s:role", "leader", "s:phone", "0905 111 222",
       "s:responsibility", "Chỉ đạo chung, phê duyệt giải pháp", NULL);
  add (demo, "team_member", DEMO_UUID ("000000000012"),
       "r:facility_id", facility, "s:name", "Lê Thị Hoa", "s:position", "Trưởng ca sản xuất",
       "s:department", "Xưởng sản xuất", "s:role", "member",
       "s:responsibility", "Thu thập số liệu công đoạn, đo lưu lượng nước", NULL);
  add (demo, "team_member", DEMO_UUID ("000000000013"),
       "r:facility_id", facility, "s:name", "Phạm Quốc Bảo", "s:position", "Kỹ sư cơ điện",
       "s:department", "Phòng cơ điện", "s:role", "member",
       "s:responsibility", "Điện, hơi, máy mài, biến tần", NULL);
  add (demo, "team_member", DEMO_UUID ("000000000014"),
       "r:facility_id", facility, "s:name", "Đỗ Thị Lan", "s:position", "Kế toán trưởng",
       "s:department", "Phòng kế toán", "s:role", "member",
       "s:responsibility", "Giá nguyên liệu, hóa đơn, phân tích kinh tế", NULL);

  add (demo, "training_event", DEMO_UUID ("000000000021"),
       "r:facility_id", facility, "s:date", "2023-04-18",
       "s:title", "Tập huấn nhận thức về sản xuất sạch hơn",
       "s:organiser", "Trung tâm Khuyến công và Tư vấn phát triển công nghiệp Kon Tum",
       "s:participants", "Trần Minh Đức; Lê Thị Hoa; Phạm Quốc Bảo", "i:participant_count", 12,
       "s:certificate", "GCN 23/2023/KC", NULL);

  lead = add (demo, "consultant", DEMO_UUID ("000000000031"),
              "s:name", "Võ Thanh Sơn", "s:organisation", "Trung tâm Khuyến công Kon Tum",
              "s:certificate_no", "SXSH-CG-0456", "s:certificate_date", "2019-11-05",
              "s:phone", "0913 456 789", "s:email", "son.vt@khuyencong.kontum.vn", NULL);
  second = add (demo, "consultant", DEMO_UUID ("000000000032"),
                "s:name", "Nguyễn Thu Trang", "s:organisation", "Trung tâm Sản xuất sạch Việt Nam (VNCPC)",
                "s:certificate_no", "SXSH-CG-0188", "s:certificate_date", "2016-06-20",
                "s:email", "trang.nt@vncpc.org", NULL);

  /* The quick assessment that found the potential. */
  quick = add (demo, "assessment", DEMO_UUID ("000000000100"),
               "r:facility_id", facility, "s:kind", "quick",
               "s:title", "Đánh giá nhanh SXSH nhà máy tinh bột sắn",
               "s:start_date", "2023-05-09", "s:end_date", "2023-05-11", "i:site_days", 3,
               "s:funding_source", "provincial", "s:scope", "Toàn nhà máy",
               "s:baseline_from", "2022-01-01", "s:baseline_to", "2022-12-31",
               "s:operating_regime", "3 ca/ngày, 290 ngày/năm (vụ chính tháng 10 – tháng 4)",
               "s:proposed_focus", "Công đoạn rửa củ và ly tâm tách bã (nước, thất thoát tinh bột)",
               "d:cp_potential_pct", 12.0,
               "s:recommendation", "Tiến hành đánh giá chi tiết với trọng tâm nước và tinh bột thất thoát.",
               "i:continue_recommended", 1,
               "s:consultant_signature_name", "Võ Thanh Sơn", "s:consultant_signature_date", "2023-05-11",
               "s:facility_signature_name", "Trần Minh Đức", "s:facility_signature_date", "2023-05-11",
               NULL);
  add (demo, "assessment_consultant", DEMO_UUID ("000000000110"),
       "r:assessment_id", quick, "r:consultant_id", lead, "s:role", "lead", NULL);
  add (demo, "observation", DEMO_UUID ("000000000120"),
       "r:assessment_id", quick, "s:location", "Bể rửa củ",
       "s:issue", "Vòi nước rửa sàn chảy liên tục cả khi không có người làm",
       "s:category", "leak", "s:severity", "high", "s:observed_at", "2023-05-09T09:40:00+07:00", NULL);
  add (demo, "observation", DEMO_UUID ("000000000121"),
       "r:assessment_id", quick, "s:location", "Máy mài",
       "s:issue", "Dao mài mòn, bã sau ly tâm còn nhiều tinh bột",
       "s:category", "housekeeping", "s:severity", "medium", NULL);
  add (demo, "checklist_answer", DEMO_UUID ("000000000130"),
       "r:assessment_id", quick, "s:item_code", "cassava.wash.recycle",
       "s:question", "Nước rửa củ có được tuần hoàn không?", "s:answer", "no",
       "s:note", "Toàn bộ nước rửa xả ra hồ sinh học", NULL);
  add (demo, "checklist_answer", DEMO_UUID ("000000000131"),
       "r:assessment_id", quick, "s:item_code", "cassava.meter.water",
       "s:question", "Có đồng hồ đo nước riêng cho từng công đoạn không?", "s:answer", "no", NULL);
  add (demo, "cp_option", DEMO_UUID ("000000000140"),
       "r:assessment_id", quick, "s:code", "QW01", "s:category", "GH",
       "s:title", "Lắp van khóa tự động cho vòi rửa sàn", "s:cost_class", "low",
       "i:is_quick_win", 1, "s:screening", "implement_now", NULL);

  /* The detailed assessment. */
  detailed = add (demo, "assessment", CASSAVA_DETAILED,
                  "r:facility_id", facility, "r:parent_assessment_id", quick, "s:kind", "detailed",
                  "s:title", "Đánh giá chi tiết SXSH – nước và tinh bột thất thoát",
                  "s:start_date", "2023-06-05", "s:end_date", "2024-12-20", "i:site_days", 32,
                  "s:funding_source", "provincial",
                  "s:scope", "Dây chuyền tinh bột 100 t/ngày",
                  "s:focus", "Rửa củ, mài và ly tâm tách bã",
                  "s:baseline_from", "2023-01-01", "s:baseline_to", "2023-12-31",
                  "s:operating_regime", "3 ca/ngày, 290 ngày/năm",
                  "s:environmental_status", "Nước thải sau hồ sinh học có COD vượt QCVN 63:2017/BTNMT cột B khoảng 1,8 lần",
                  "d:tolerance_pct", 5.0, "d:discount_rate_pct", 10.0, "i:life_years", 10,
                  "d:target_min_pct", 8.0, "d:target_max_pct", 13.0,
                  "s:sustain_sops", "Quy trình vận hành rửa củ và ly tâm đã cập nhật (QT-SX-07, QT-SX-09)",
                  "s:sustain_training", "Tập huấn 3 ca vận hành, tháng 10/2024",
                  "s:sustain_kpis", "m3 nước/t tinh bột; kWh/t; L FO/t; t củ/t tinh bột – báo cáo hằng tháng",
                  "s:next_focus", "Lò sấy và hệ thống khí nóng",
                  "s:next_review_date", "2025-06-30",
                  "s:consultant_signature_name", "Võ Thanh Sơn", "s:consultant_signature_date", "2024-12-20",
                  "s:facility_signature_name", "Trần Minh Đức", "s:facility_signature_date", "2024-12-20",
                  NULL);
  add (demo, "assessment_consultant", DEMO_UUID ("000000000111"),
       "r:assessment_id", detailed, "r:consultant_id", lead, "s:role", "lead", NULL);
  add (demo, "assessment_consultant", DEMO_UUID ("000000000112"),
       "r:assessment_id", detailed, "r:consultant_id", second, "s:role", "member", NULL);

  /* Baseline 2023 and after-CP 2024 (W3): per tonne of starch, roots
   * 3.90 → 3.78 t, water 18.0 → 15.3 m3, electricity 210 → 192 kWh,
   * fuel oil 45 → 38 L. */
  add_period_data (demo, detailed, DEMO_UUID ("000000002"), "baseline", 2023,
                   14000, 15000, 3.90, 18.0, 210, 45);
  add_period_data (demo, detailed, DEMO_UUID ("000000003"), "after", 2024,
                   15200, 15800, 3.78, 15.3, 192, 38);

  /* Process steps (W2). */
  receive = add (demo, "process_step", DEMO_UUID ("000000000401"), "r:assessment_id", detailed,
                 "i:seq", 1, "s:name", "Tiếp nhận củ sắn tươi",
                 "s:description", "Cân, kiểm tra tạp chất, lưu bãi theo thứ tự nhập (FIFO)", NULL);
  wash = add (demo, "process_step", DEMO_UUID ("000000000402"), "r:assessment_id", detailed,
              "i:seq", 2, "s:name", "Rửa và bóc vỏ",
              "s:description", "Lồng quay tách đất cát, bể rửa có cánh khuấy", NULL);
  rasp = add (demo, "process_step", DEMO_UUID ("000000000403"), "r:assessment_id", detailed,
              "i:seq", 3, "s:name", "Băm và mài củ", NULL);
  separate = add (demo, "process_step", DEMO_UUID ("000000000404"), "r:assessment_id", detailed,
                  "i:seq", 4, "s:name", "Ly tâm tách bã",
                  "s:description", "Sàng quay và máy ly tâm tách bã sắn", NULL);
  refine = add (demo, "process_step", DEMO_UUID ("000000000405"), "r:assessment_id", detailed,
                "i:seq", 5, "s:name", "Thu hồi tinh bột tinh",
                "s:description", "Ly tâm tinh chế nhiều cấp, tẩy trắng", NULL);
  dry = add (demo, "process_step", DEMO_UUID ("000000000406"), "r:assessment_id", detailed,
             "i:seq", 6, "s:name", "Sấy nhanh", "s:description", "Ly tâm tách nước, sấy khí nóng đốt dầu FO",
             NULL);
  bag = add (demo, "process_step", DEMO_UUID ("000000000407"), "r:assessment_id", detailed,
             "i:seq", 7, "s:name", "Đóng bao", NULL);

  add (demo, "equipment", DEMO_UUID ("000000000411"), "r:step_id", rasp,
       "s:name", "Máy mài củ", "d:rated_kw", 132.0, "s:capacity", "25 t củ/h", "i:age_years", 11,
       "s:condition", "Dao mòn, thay 6 tháng/lần", NULL);
  add (demo, "equipment", DEMO_UUID ("000000000412"), "r:step_id", separate,
       "s:name", "Máy ly tâm tách bã (4 máy)", "d:rated_kw", 4 * 55.0, "i:age_years", 9, NULL);
  add (demo, "equipment", DEMO_UUID ("000000000413"), "r:step_id", dry,
       "s:name", "Lò đốt dầu FO và quạt hút sấy nhanh", "d:rated_kw", 160.0, "i:age_years", 11, NULL);

  /* Water flows (W5), m3/year, baseline. Separation returns water to the
   * washer (the recycling loop); refining does not balance by about 8 %,
   * because its overflow to the drain is not metered. */
#define WATER(uuid, from, from_label, to, to_label, substance, kind, qty, prov) \
  add (demo, "flow", DEMO_UUID (uuid), "r:assessment_id", detailed, \
       "r:from_step_id", (gint64) (from), "s:from_label", from_label, \
       "r:to_step_id", (gint64) (to), "s:to_label", to_label, \
       "s:substance", substance, "s:kind", kind, "d:quantity", (double) (qty), \
       "s:unit", "m3", "s:period", "year", "s:provenance", prov, NULL)

  WATER ("000000000501", 0, "Nước giếng khoan", wash, NULL, "Nước cấp rửa củ", "water", 120000, "measured");
  WATER ("000000000502", separate, NULL, wash, NULL, "Nước tuần hoàn từ ly tâm", "water", 60000, "estimated");
  WATER ("000000000503", wash, NULL, 0, "Nước thải", "Nước rửa củ", "waste", 176000, "measured");
  WATER ("000000000504", wash, NULL, rasp, NULL, "Nước theo củ", "water", 4000, "estimated");
  WATER ("000000000505", 0, "Nước giếng khoan", rasp, NULL, "Nước mài", "water", 91000, "measured");
  WATER ("000000000506", rasp, NULL, separate, NULL, "Dịch bột sau mài", "water", 95000, "estimated");
  WATER ("000000000507", 0, "Nước giếng khoan", separate, NULL, "Nước pha loãng ly tâm", "water", 250000, "measured");
  WATER ("000000000508", separate, NULL, refine, NULL, "Sữa tinh bột", "water", 150000, "estimated");
  WATER ("000000000509", separate, NULL, 0, "Nước thải", "Nước tách bã", "waste", 120000, "measured");
  WATER ("000000000510", 0, "Nước giếng khoan", refine, NULL, "Nước rửa tinh bột", "water", 61000, "measured");
  WATER ("000000000511", refine, NULL, dry, NULL, "Tinh bột ướt (ẩm)", "water", 14000, "estimated");
  WATER ("000000000512", refine, NULL, 0, "Nước thải", "Nước thải tinh chế", "waste", 181000, "measured");
  WATER ("000000000513", dry, NULL, 0, "Hơi nước thải", "Hơi ẩm khí sấy", "emission", 13000, "estimated");
  WATER ("000000000514", dry, NULL, 0, "Tinh bột thành phẩm", "Ẩm trong sản phẩm", "product", 1000, "estimated");
#undef WATER

  /* Mass flows, t/year (wet basis), baseline. */
#define MASS(uuid, from, from_label, to, to_label, substance, kind, qty, prov) \
  add (demo, "flow", DEMO_UUID (uuid), "r:assessment_id", detailed, \
       "r:from_step_id", (gint64) (from), "s:from_label", from_label, \
       "r:to_step_id", (gint64) (to), "s:to_label", to_label, \
       "s:substance", substance, "s:kind", kind, "d:quantity", (double) (qty), \
       "s:unit", "t", "s:period", "year", "s:provenance", prov, NULL)

  MASS ("000000000601", 0, "Củ sắn tươi", receive, NULL, "Củ sắn tươi", "material", 113100, "measured");
  MASS ("000000000602", receive, NULL, wash, NULL, "Củ sắn", "material", 111900, "estimated");
  MASS ("000000000603", receive, NULL, 0, "Chất thải rắn", "Đất, cát, rễ", "waste", 1200, "estimated");
  MASS ("000000000604", wash, NULL, rasp, NULL, "Củ đã rửa", "material", 107300, "estimated");
  MASS ("000000000605", wash, NULL, 0, "Chất thải rắn", "Vỏ lụa, đất", "waste", 4600, "estimated");
  MASS ("000000000606", rasp, NULL, separate, NULL, "Bột nhão sau mài", "material", 107300, "estimated");
  MASS ("000000000607", separate, NULL, 0, "Bã sắn", "Bã sắn ướt", "by_product", 52000, "measured");
  MASS ("000000000608", separate, NULL, refine, NULL, "Sữa tinh bột (chất khô)", "material", 33900, "estimated");
  MASS ("000000000609", separate, NULL, 0, "Nước thải", "Tinh bột theo nước thải", "waste", 21400, "estimated");
  MASS ("000000000610", refine, NULL, dry, NULL, "Tinh bột ướt", "material", 32100, "estimated");
  MASS ("000000000611", refine, NULL, 0, "Nước thải", "Tinh bột mịn mất theo nước", "waste", 1800, "estimated");
  MASS ("000000000612", dry, NULL, bag, NULL, "Tinh bột khô", "product", 29000, "measured");
  MASS ("000000000613", dry, NULL, 0, "Khí thải", "Bụi tinh bột", "emission", 300, "estimated");
  MASS ("000000000615", dry, NULL, 0, "Hơi nước thải", "Ẩm bay hơi", "emission", 2800, "estimated");
  MASS ("000000000614", bag, NULL, 0, "Tinh bột thành phẩm", "Tinh bột sắn", "product", 29000, "measured");
#undef MASS

  /* Energy flows: electricity in kWh and fuel oil in litres; the energy
   * layer converts both to MJ through the units table. */
  add (demo, "flow", DEMO_UUID ("000000000701"), "r:assessment_id", detailed,
       "s:from_label", "Điện lưới", "r:to_step_id", rasp, "s:substance", "Điện",
       "s:kind", "energy", "d:quantity", 2400000.0, "s:unit", "kWh", "s:provenance", "measured", NULL);
  add (demo, "flow", DEMO_UUID ("000000000702"), "r:assessment_id", detailed,
       "s:from_label", "Điện lưới", "r:to_step_id", separate, "s:substance", "Điện",
       "s:kind", "energy", "d:quantity", 1900000.0, "s:unit", "kWh", "s:provenance", "measured", NULL);
  add (demo, "flow", DEMO_UUID ("000000000703"), "r:assessment_id", detailed,
       "s:from_label", "Điện lưới", "r:to_step_id", dry, "s:substance", "Điện",
       "s:kind", "energy", "d:quantity", 1790000.0, "s:unit", "kWh", "s:provenance", "measured", NULL);
  add (demo, "flow", DEMO_UUID ("000000000704"), "r:assessment_id", detailed,
       "s:from_label", "Dầu FO", "r:to_step_id", dry, "s:substance", "Dầu FO",
       "s:kind", "energy", "d:quantity", 1305000.0, "s:unit", "L", "s:fuel_code", "fuel_oil",
       "s:provenance", "measured", NULL);
  add (demo, "flow", DEMO_UUID ("000000000705"), "r:assessment_id", detailed,
       "r:from_step_id", dry, "s:to_label", "Khí thải lò sấy", "s:substance", "Nhiệt khí thải",
       "s:kind", "waste", "d:quantity", 14500000.0, "s:unit", "MJ", "s:provenance", "estimated", NULL);
  /* Where the rest of the energy goes: evaporating the starch's moisture,
   * radiation from the dryer, and the motors' heat and friction. */
  add (demo, "flow", DEMO_UUID ("000000000706"), "r:assessment_id", detailed,
       "r:from_step_id", dry, "s:to_label", "Hơi nước thải", "s:substance", "Nhiệt bốc hơi ẩm",
       "s:kind", "energy", "d:quantity", 34500000.0, "s:unit", "MJ", "s:provenance", "estimated", NULL);
  add (demo, "flow", DEMO_UUID ("000000000707"), "r:assessment_id", detailed,
       "r:from_step_id", dry, "s:to_label", "Tổn thất nhiệt", "s:substance", "Tổn thất bề mặt lò, đường ống",
       "s:kind", "waste", "d:quantity", 7000000.0, "s:unit", "MJ", "s:provenance", "estimated", NULL);
  add (demo, "flow", DEMO_UUID ("000000000708"), "r:assessment_id", detailed,
       "r:from_step_id", rasp, "s:to_label", "Tổn thất nhiệt", "s:substance", "Nhiệt, ma sát máy mài",
       "s:kind", "waste", "d:quantity", 8640000.0, "s:unit", "MJ", "s:provenance", "estimated", NULL);
  add (demo, "flow", DEMO_UUID ("000000000709"), "r:assessment_id", detailed,
       "r:from_step_id", separate, "s:to_label", "Tổn thất nhiệt", "s:substance", "Nhiệt động cơ ly tâm",
       "s:kind", "waste", "d:quantity", 6840000.0, "s:unit", "MJ", "s:provenance", "estimated", NULL);

  /* Waste streams (W4, W8), costs per year in đồng. */
  ww = add (demo, "waste_stream", DEMO_UUID ("000000000801"), "r:assessment_id", detailed,
            "r:step_id", separate, "s:name", "Nước thải tổng (rửa, tách bã, tinh chế)",
            "s:type", "wastewater", "d:quantity", 477000.0, "s:unit", "m3",
            "s:characteristics", "COD 12.200 mg/L, pH 4,5–5, SS cao",
            "s:handling", "Hồ sinh học kỵ khí – hiếu khí",
            "m:material_loss_vnd", G_GINT64_CONSTANT (3800000000),
            "m:energy_loss_vnd", G_GINT64_CONSTANT (0),
            "m:treatment_vnd", G_GINT64_CONSTANT (1908000000),
            "m:fees_vnd", G_GINT64_CONSTANT (143100000),
            "i:significance", 9, "i:is_focus", 1,
            "s:focus_reason", "Chi phí lớn nhất; thất thoát tinh bột và vượt QCVN", NULL);
  pulp = add (demo, "waste_stream", DEMO_UUID ("000000000802"), "r:assessment_id", detailed,
              "r:step_id", separate, "s:name", "Bã sắn ướt", "s:type", "solid",
              "d:quantity", 52000.0, "s:unit", "t", "s:characteristics", "Ẩm 80 %, còn 8–10 % tinh bột",
              "s:handling", "Bán cho hộ chăn nuôi giá thấp",
              "m:material_loss_vnd", G_GINT64_CONSTANT (1040000000),
              "m:treatment_vnd", G_GINT64_CONSTANT (260000000), "i:significance", 7, NULL);
  peel = add (demo, "waste_stream", DEMO_UUID ("000000000803"), "r:assessment_id", detailed,
              "r:step_id", wash, "s:name", "Vỏ lụa, đất cát", "s:type", "solid",
              "d:quantity", 5800.0, "s:unit", "t", "s:handling", "San lấp",
              "m:treatment_vnd", G_GINT64_CONSTANT (87000000), "i:significance", 3, NULL);
  flue = add (demo, "waste_stream", DEMO_UUID ("000000000804"), "r:assessment_id", detailed,
              "r:step_id", dry, "s:name", "Khí thải lò sấy", "s:type", "heat",
              "d:quantity", 14500000.0, "s:unit", "MJ", "s:characteristics", "150–180 °C",
              "m:energy_loss_vnd", G_GINT64_CONSTANT (1420000000), "i:significance", 6, NULL);

  /* Causes (W9). */
  c_leak = add (demo, "cause", DEMO_UUID ("000000000901"), "r:assessment_id", detailed,
                "r:waste_stream_id", ww, "s:description", "Rò rỉ tại bơm, van và đường ống sữa tinh bột",
                "s:category", "equipment", "s:evidence", "Đo lưu lượng ca đêm khi dừng máy: 3 m3/h", NULL);
  c_wash = add (demo, "cause", DEMO_UUID ("000000000902"), "r:assessment_id", detailed,
                "r:waste_stream_id", ww, "s:description", "Nước rửa củ dùng một lần rồi xả bỏ",
                "s:category", "technology", NULL);
  c_rasp = add (demo, "cause", DEMO_UUID ("000000000903"), "r:assessment_id", detailed,
                "r:waste_stream_id", pulp, "s:description", "Dao mài mòn, mài không kỹ, tinh bột còn trong bã",
                "s:category", "equipment", "s:evidence", "Phân tích bã: 9,5 % tinh bột (khô)", NULL);
  c_meter = add (demo, "cause", DEMO_UUID ("000000000904"), "r:assessment_id", detailed,
                 "r:waste_stream_id", ww, "s:description", "Không đo nước theo công đoạn, không có định mức ca",
                 "s:category", "process_control", NULL);
  add (demo, "cause", DEMO_UUID ("000000000905"), "r:assessment_id", detailed,
       "r:waste_stream_id", flue, "s:description", "Quạt sấy chạy tốc độ cố định, dư không khí",
       "s:category", "process_control", NULL);
  add (demo, "cause", DEMO_UUID ("000000000906"), "r:assessment_id", detailed,
       "r:waste_stream_id", peel, "s:description", "Củ nhập lẫn nhiều đất do thu hoạch mùa mưa",
       "s:category", "raw_material", NULL);

  /* Options (W10–W14). */
  o_leak = add_option (demo, detailed, DEMO_UUID ("000000001001"), "GP01", "GH",
                       "Sửa rò rỉ, lắp van khóa tự động cho vòi rửa", wash, "low", "implement_now",
                       "implemented");
  o_recycle = add_option (demo, detailed, DEMO_UUID ("000000001002"), "GP02", "OR",
                          "Tuần hoàn nước tách bã về rửa củ (bổ sung bể lắng)", wash, "medium",
                          "analyse_further", "implemented");
  o_rasp = add_option (demo, detailed, DEMO_UUID ("000000001003"), "GP03", "EM",
                       "Thay dao mài, cân chỉnh khe mài", rasp, "medium", "analyse_further",
                       "implemented");
  o_vfd = add_option (demo, detailed, DEMO_UUID ("000000001004"), "GP04", "EM",
                      "Lắp biến tần cho quạt sấy và bơm sữa tinh bột", dry, "medium",
                      "analyse_further", "implemented");
  o_biogas = add_option (demo, detailed, DEMO_UUID ("000000001005"), "GP05", "TC",
                         "Hầm biogas từ nước thải thay một phần dầu FO cho lò sấy", dry, "high",
                         "analyse_further", "in_progress");
  o_pulp = add_option (demo, detailed, DEMO_UUID ("000000001006"), "GP06", "BP",
                       "Ép bã sắn bán làm thức ăn chăn nuôi, phân vi sinh", separate, "medium",
                       "analyse_further", "implemented");
  o_density = add_option (demo, detailed, DEMO_UUID ("000000001007"), "GP07", "BPC",
                          "Kiểm soát nồng độ sữa tinh bột bằng tỷ trọng kế theo ca", refine, "low",
                          "implement_now", "implemented");
  o_so2 = add_option (demo, detailed, DEMO_UUID ("000000001008"), "GP08", "IMC",
                      "Thay đốt lưu huỳnh bằng NaHSO3 định lượng để tẩy trắng", refine, "low",
                      "reject", "rejected");

  /* Details that do not fit the short form above. */
  set_text (demo, "cp_option", o_so2, "screening_reason",
            "Khách hàng yêu cầu giữ quy trình tẩy trắng hiện tại");
  set_text (demo, "cp_option", o_recycle, "tech_notes",
            "Cần bể lắng 300 m3; nước tuần hoàn đạt SS < 500 mg/L, không ảnh hưởng chất lượng");
  set_text (demo, "cp_option", o_recycle, "tech_verdict", "feasible");
  set_text (demo, "cp_option", o_biogas, "tech_verdict", "conditional");
  set_text (demo, "cp_option", o_biogas, "tech_notes",
            "Cần diện tích 1,2 ha và vận hành viên được đào tạo");
  set_int (demo, "cp_option", o_biogas, "life_years", 15);
  set_int (demo, "cp_option", o_biogas, "om_change_vnd", 420000000);
  set_int (demo, "cp_option", o_rasp, "om_change_vnd", 60000000);
  set_int (demo, "cp_option", o_recycle, "avoided_cost_vnd", 240000000);
  set_int (demo, "cp_option", o_pulp, "avoided_cost_vnd", 260000000);
  set_int (demo, "cp_option", o_leak, "life_years", 5);
  set_int (demo, "cp_option", o_density, "life_years", 5);
  {
    const gint64 selected[] = { o_leak, o_recycle, o_rasp, o_vfd, o_biogas, o_pulp, o_density };

    for (guint i = 0; i < G_N_ELEMENTS (selected); i++)
      set_int (demo, "cp_option", selected[i], "selected", 1);
  }
  set_text (demo, "cp_option", o_leak, "actual_start", "2023-09-01");
  set_text (demo, "cp_option", o_leak, "actual_end", "2023-09-15");
  set_text (demo, "cp_option", o_recycle, "actual_start", "2023-11-01");
  set_text (demo, "cp_option", o_recycle, "actual_end", "2024-01-20");
  set_text (demo, "cp_option", o_vfd, "actual_start", "2023-10-01");
  set_text (demo, "cp_option", o_vfd, "actual_end", "2023-12-15");
  set_text (demo, "cp_option", o_rasp, "tech_verdict", "feasible");
  set_text (demo, "cp_option", o_rasp, "tech_notes", "Dừng máy 2 ngày để thay dao; nhà cung cấp hướng dẫn cân chỉnh");
  set_text (demo, "cp_option", o_vfd, "tech_verdict", "feasible");
  set_text (demo, "cp_option", o_vfd, "tech_notes", "Tủ điện đủ chỗ; cần làm mát tủ biến tần");
  set_text (demo, "cp_option", o_pulp, "tech_verdict", "feasible");
  set_text (demo, "cp_option", o_pulp, "tech_notes", "Máy ép trục vít 5 t/h; kho chứa có mái che");
  set_text (demo, "cp_option", o_rasp, "actual_start", "2023-08-01");
  set_text (demo, "cp_option", o_rasp, "actual_end", "2023-08-20");
  set_text (demo, "cp_option", o_pulp, "actual_start", "2023-10-01");
  set_text (demo, "cp_option", o_pulp, "actual_end", "2023-11-15");
  set_text (demo, "cp_option", o_density, "actual_start", "2023-09-01");
  set_text (demo, "cp_option", o_density, "actual_end", "2023-09-30");
  set_text (demo, "cp_option", o_biogas, "actual_start", "2024-09-05");
  set_text (demo, "cp_option", o_biogas, "planned_start", "2024-09-01");
  set_text (demo, "cp_option", o_biogas, "planned_end", "2025-08-31");

  add (demo, "option_cause", DEMO_UUID ("000000001101"), "r:option_id", o_leak, "r:cause_id", c_leak, NULL);
  add (demo, "option_cause", DEMO_UUID ("000000001102"), "r:option_id", o_recycle, "r:cause_id", c_wash, NULL);
  add (demo, "option_cause", DEMO_UUID ("000000001103"), "r:option_id", o_rasp, "r:cause_id", c_rasp, NULL);
  add (demo, "option_cause", DEMO_UUID ("000000001104"), "r:option_id", o_density, "r:cause_id", c_meter, NULL);

#define INVEST(uuid, option, item, amount) \
  add (demo, "option_investment", DEMO_UUID (uuid), "r:option_id", option, "s:item", item, \
       "m:amount_vnd", G_GINT64_CONSTANT (amount), NULL)
  INVEST ("000000001201", o_leak, "equipment", 38000000);
  INVEST ("000000001202", o_leak, "installation", 7000000);
  INVEST ("000000001203", o_recycle, "equipment", 210000000);
  INVEST ("000000001204", o_recycle, "installation", 95000000);
  INVEST ("000000001205", o_recycle, "design", 25000000);
  INVEST ("000000001206", o_recycle, "contingency", 20000000);
  INVEST ("000000001207", o_rasp, "equipment", 540000000);
  INVEST ("000000001208", o_rasp, "installation", 60000000);
  INVEST ("000000001209", o_vfd, "equipment", 690000000);
  INVEST ("000000001210", o_vfd, "installation", 80000000);
  INVEST ("000000001211", o_vfd, "training", 30000000);
  INVEST ("000000001212", o_biogas, "equipment", 8200000000);
  INVEST ("000000001213", o_biogas, "installation", 2600000000);
  INVEST ("000000001214", o_biogas, "design", 600000000);
  INVEST ("000000001215", o_biogas, "contingency", 600000000);
  INVEST ("000000001216", o_pulp, "equipment", 150000000);
  INVEST ("000000001217", o_density, "equipment", 25000000);
#undef INVEST

#define SAVING(uuid, option, resource, qty, unit, price) \
  add (demo, "option_saving", DEMO_UUID (uuid), "r:option_id", option, "s:resource_code", resource, \
       "d:quantity", (double) (qty), "s:unit", unit, "m:unit_price_vnd", G_GINT64_CONSTANT (price), NULL)
  SAVING ("000000001301", o_leak, "water", 30000, "m3", 6000);
  SAVING ("000000001302", o_recycle, "water", 60000, "m3", 6000);
  SAVING ("000000001303", o_rasp, "cassava_root", 2200, "t", 2000000);
  SAVING ("000000001304", o_vfd, "electricity", 500000, "kWh", 1800);
  SAVING ("000000001305", o_biogas, "fuel_oil", 220000, "L", 14000);
  SAVING ("000000001306", o_pulp, "cassava_root", 0, "t", 2000000);
  SAVING ("000000001307", o_density, "cassava_root", 700, "t", 2000000);
#undef SAVING

#define ENV(uuid, option, indicator, reduction, unit) \
  add (demo, "option_env_effect", DEMO_UUID (uuid), "r:option_id", option, "s:indicator", indicator, \
       "d:reduction", (double) (reduction), "s:unit", unit, NULL)
  ENV ("000000001401", o_leak, "wastewater", 30000, "m3");
  ENV ("000000001402", o_recycle, "water", 60000, "m3");
  ENV ("000000001403", o_recycle, "wastewater", 60000, "m3");
  ENV ("000000001404", o_rasp, "cod_load", 95, "t");
  ENV ("000000001405", o_vfd, "co2e", 338, "t");
  ENV ("000000001406", o_biogas, "co2e", 650, "t");
  ENV ("000000001407", o_biogas, "cod_load", 4200, "t");
  ENV ("000000001408", o_pulp, "solid_waste", 52000, "t");
  ENV ("000000001409", o_density, "cod_load", 30, "t");
#undef ENV

  /* Ranking (W15). */
  k_tech = add (demo, "ranking_criterion", DEMO_UUID ("000000001501"), "r:assessment_id", detailed,
                "s:name", "Kỹ thuật", "d:weight", 0.3, NULL);
  k_econ = add (demo, "ranking_criterion", DEMO_UUID ("000000001502"), "r:assessment_id", detailed,
                "s:name", "Kinh tế", "d:weight", 0.4, NULL);
  k_env = add (demo, "ranking_criterion", DEMO_UUID ("000000001503"), "r:assessment_id", detailed,
               "s:name", "Môi trường", "d:weight", 0.3, NULL);
  {
    const struct { gint64 option; double tech, econ, env; } scores[] = {
      { o_leak, 5, 5, 3 }, { o_recycle, 4, 4, 5 }, { o_rasp, 4, 5, 3 }, { o_vfd, 4, 4, 3 },
      { o_biogas, 3, 3, 5 }, { o_pulp, 4, 4, 4 }, { o_density, 5, 4, 2 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
      {
        g_autofree char *u1 = g_strdup_printf (DEMO_UUID ("0000000016%u1"), i);
        g_autofree char *u2 = g_strdup_printf (DEMO_UUID ("0000000016%u2"), i);
        g_autofree char *u3 = g_strdup_printf (DEMO_UUID ("0000000016%u3"), i);

        add (demo, "ranking_score", u1, "r:criterion_id", k_tech, "r:option_id", scores[i].option,
             "d:score", scores[i].tech, NULL);
        add (demo, "ranking_score", u2, "r:criterion_id", k_econ, "r:option_id", scores[i].option,
             "d:score", scores[i].econ, NULL);
        add (demo, "ranking_score", u3, "r:criterion_id", k_env, "r:option_id", scores[i].option,
             "d:score", scores[i].env, NULL);
      }
  }

  /* Action plan (W16). */
  add (demo, "action_item", DEMO_UUID ("000000001701"), "r:assessment_id", detailed,
       "r:option_id", o_recycle, "s:task", "Xây bể lắng 300 m3 và lắp bơm tuần hoàn",
       "s:owner", "Phạm Quốc Bảo", "s:start_date", "2023-11-01", "s:end_date", "2024-01-20",
       "m:budget_vnd", G_GINT64_CONSTANT (350000000), "s:status", "done", "i:percent_done", 100, NULL);
  add (demo, "action_item", DEMO_UUID ("000000001702"), "r:assessment_id", detailed,
       "r:option_id", o_vfd, "s:task", "Mua và lắp 6 biến tần 37–75 kW",
       "s:owner", "Phạm Quốc Bảo", "s:start_date", "2023-10-01", "s:end_date", "2023-12-15",
       "m:budget_vnd", G_GINT64_CONSTANT (800000000), "s:status", "done", "i:percent_done", 100, NULL);
  add (demo, "action_item", DEMO_UUID ("000000001703"), "r:assessment_id", detailed,
       "r:option_id", o_biogas, "s:task", "Thiết kế và xây hầm biogas phủ bạt HDPE",
       "s:owner", "Trần Minh Đức", "s:start_date", "2024-09-01", "s:end_date", "2025-08-31",
       "m:budget_vnd", G_GINT64_CONSTANT (12000000000), "s:resources", "Vay ưu đãi Quỹ BVMT",
       "s:status", "in_progress", "i:percent_done", 35, NULL);
  add (demo, "action_item", DEMO_UUID ("000000001705"), "r:assessment_id", detailed,
       "r:option_id", o_leak, "s:task", "Thay 14 van khóa tự động, sửa rò rỉ đường ống sữa bột",
       "s:owner", "Phạm Quốc Bảo", "s:start_date", "2023-09-01", "s:end_date", "2023-09-15",
       "m:budget_vnd", G_GINT64_CONSTANT (45000000), "s:status", "done", "i:percent_done", 100, NULL);
  add (demo, "action_item", DEMO_UUID ("000000001706"), "r:assessment_id", detailed,
       "r:option_id", o_rasp, "s:task", "Mua bộ dao mài mới, cân chỉnh khe mài theo hướng dẫn",
       "s:owner", "Phạm Quốc Bảo", "s:start_date", "2023-08-01", "s:end_date", "2023-08-20",
       "m:budget_vnd", G_GINT64_CONSTANT (600000000), "s:status", "done", "i:percent_done", 100, NULL);
  add (demo, "action_item", DEMO_UUID ("000000001707"), "r:assessment_id", detailed,
       "r:option_id", o_pulp, "s:task", "Lắp máy ép bã, ký hợp đồng bán bã với hợp tác xã chăn nuôi",
       "s:owner", "Đỗ Thị Lan", "s:start_date", "2023-10-01", "s:end_date", "2023-11-15",
       "m:budget_vnd", G_GINT64_CONSTANT (150000000), "s:status", "done", "i:percent_done", 100, NULL);
  add (demo, "action_item", DEMO_UUID ("000000001704"), "r:assessment_id", detailed,
       "r:option_id", o_density, "s:task", "Ban hành định mức nồng độ sữa bột, ghi sổ theo ca",
       "s:owner", "Lê Thị Hoa", "s:start_date", "2023-09-01", "s:end_date", "2023-09-30",
       "m:budget_vnd", G_GINT64_CONSTANT (25000000), "s:status", "done", "i:percent_done", 100, NULL);

  /* Monitoring (W17): specific consumption per tonne of starch. */
#define MONITOR(uuid, option, indicator, resource, unit, base, target, measured, savings) \
  add (demo, "monitoring_record", DEMO_UUID (uuid), "r:assessment_id", detailed, \
       "r:option_id", (gint64) (option), "s:indicator", indicator, "s:resource_code", resource, \
       "s:unit", unit, "d:baseline_value", (double) (base), "s:baseline_period", "2023", \
       "d:target_value", (double) (target), "s:frequency", "Hằng tháng", \
       "d:measured_value", (double) (measured), "s:measured_period", "2024", \
       "s:measured_on", "2024-12-31", "m:savings_vnd_year", G_GINT64_CONSTANT (savings), \
       "s:verified_by", "Võ Thanh Sơn", NULL)
  MONITOR ("000000001801", o_recycle, "Nước / t tinh bột", "water", "m3/t", 18.0, 16.0, 15.3, 502200000);
  MONITOR ("000000001802", o_vfd, "Điện / t tinh bột", "electricity", "kWh/t", 210, 195, 192, 1004400000);
  MONITOR ("000000001803", 0, "Dầu FO / t tinh bột", "fuel_oil", "L/t", 45, 40, 38, 3038000000);
  MONITOR ("000000001804", o_rasp, "Củ sắn / t tinh bột", "cassava_root", "t/t", 3.90, 3.80, 3.78, 7440000000);
#undef MONITOR

  add (demo, "evidence", DEMO_UUID ("000000001901"), "r:facility_id", facility,
       "r:assessment_id", detailed, "s:entity_table", "cp_option", "r:entity_id", o_recycle,
       "s:kind", "invoice", "s:file_name", "hoa-don-bom-tuan-hoan.txt",
       "s:media_type", "text/plain", "s:file_path", "demo/hoa-don-bom-tuan-hoan.txt",
       "s:sha256", "9b4f3c1d8e2a7f6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b",
       "s:description", "Hóa đơn bơm tuần hoàn và vật tư bể lắng", "s:taken_at", "2024-01-20", NULL);

  add (demo, "annual_report", DEMO_UUID ("000000002001"), "r:facility_id", facility,
       "i:year", 2024, "s:period_from", "2024-01-01", "s:period_to", "2024-12-31",
       "s:recipient_province", "62", "s:deadline", "2024-11-30", "s:status", "draft",
       "s:next_year_plan", "Hoàn thành hầm biogas; đánh giá trọng tâm lò sấy",
       "s:recommendations", "Đề nghị hỗ trợ vốn vay ưu đãi cho hầm biogas",
       "s:signatory", "Nguyễn Văn Hùng", "s:signatory_title", "Giám đốc", NULL);
}

/* A facility of another seed sector, with at most a short quick assessment. */
static void
add_other_facility (Demo       *demo,
                    const char *uuid,
                    const char *name,
                    const char *province,
                    const char *district,
                    const char *vsic,
                    const char *sector,
                    const char *size,
                    int         employees,
                    const char *product,
                    double      capacity,
                    const char *capacity_unit)
{
  g_autofree char *product_uuid = g_strdup (uuid);
  gint64 facility;

  /* The product shares the facility's number in another UUID group. */
  g_assert (strlen (product_uuid) == 36);
  product_uuid[22] = '1';

  facility = add (demo, "facility", uuid, "s:name", name, "s:province_code", province,
                  "s:district", district, "s:vsic_code", vsic, "s:sector_code", sector,
                  "s:size_class", size, "i:employees", employees, NULL);
  add (demo, "facility_product", product_uuid, "r:facility_id", facility, "s:name", product,
       "d:capacity", capacity, "s:capacity_unit", capacity_unit, NULL);
}

static void
add_brick_quick_assessment (Demo *demo)
{
  gint64 facility = find_by_uuid (demo->store, "facility", DEMO_UUID ("000000000005"));
  gint64 quick, option;

  if (demo->failed)
    return;

  quick = add (demo, "assessment", DEMO_UUID ("000000002101"),
               "r:facility_id", facility, "s:kind", "quick",
               "s:title", "Đánh giá nhanh SXSH lò tuynel",
               "s:start_date", "2024-08-12", "s:end_date", "2024-08-13", "i:site_days", 2,
               "s:funding_source", "provincial", "s:scope", "Lò nung tuynel và khâu tạo hình",
               "s:baseline_from", "2023-01-01", "s:baseline_to", "2023-12-31",
               "s:operating_regime", "2 ca/ngày, 300 ngày/năm",
               "s:proposed_focus", "Lò nung: tổn thất nhiệt vùng làm nguội và cửa lò",
               "d:cp_potential_pct", 10.0,
               "s:recommendation", "Thu hồi nhiệt vùng làm nguội để sấy mộc; chèn kín cửa lò.",
               "i:continue_recommended", 1, NULL);
  add (demo, "production_record", DEMO_UUID ("000000002111"), "r:assessment_id", quick,
       "s:period_label", "2023", "s:period_start", "2023-01-01", "s:period_end", "2023-12-31",
       "s:product", "Gạch 2 lỗ quy tiêu chuẩn", "d:quantity", 30000000.0, "s:unit", "brick_qtc", NULL);
  add (demo, "resource_consumption", DEMO_UUID ("000000002112"), "r:assessment_id", quick,
       "s:period_label", "2023", "s:resource_code", "coal", "s:resource_name", "Than cám 4a",
       "s:category", "fuel", "d:quantity", 4650.0, "s:unit", "t",
       "m:unit_price_vnd", G_GINT64_CONSTANT (3200000), "s:data_source", "invoice", NULL);
  add (demo, "resource_consumption", DEMO_UUID ("000000002113"), "r:assessment_id", quick,
       "s:period_label", "2023", "s:resource_code", "electricity", "s:resource_name", "Điện lưới",
       "s:category", "electricity", "d:quantity", 1350000.0, "s:unit", "kWh",
       "m:unit_price_vnd", G_GINT64_CONSTANT (1800), "s:data_source", "invoice", NULL);
  add (demo, "observation", DEMO_UUID ("000000002121"), "r:assessment_id", quick,
       "s:location", "Cửa lò tuynel", "s:issue", "Khe hở cửa lò, khí nóng thoát ra ngoài",
       "s:category", "insulation", "s:severity", "high", NULL);
  add (demo, "observation", DEMO_UUID ("000000002122"), "r:assessment_id", quick,
       "s:location", "Quạt hút", "s:issue", "Quạt hút khói chạy hết tốc độ cả khi lò giảm tải",
       "s:category", "idle_running", "s:severity", "medium", NULL);
  option = add (demo, "cp_option", DEMO_UUID ("000000002131"), "r:assessment_id", quick,
                "s:code", "QW01", "s:category", "GH", "s:title", "Chèn kín cửa lò bằng bông gốm",
                "s:cost_class", "low", "i:is_quick_win", 1, "s:screening", "implement_now", NULL);
  add (demo, "option_investment", DEMO_UUID ("000000002132"), "r:option_id", option,
       "s:item", "equipment", "m:amount_vnd", G_GINT64_CONSTANT (35000000), NULL);
  add (demo, "option_saving", DEMO_UUID ("000000002133"), "r:option_id", option,
       "s:resource_code", "coal", "d:quantity", 90.0, "s:unit", "t",
       "m:unit_price_vnd", G_GINT64_CONSTANT (3200000), NULL);
}

gboolean
sh_demo_ensure (ShStore  *store,
                GError  **error)
{
  Demo demo = { store, error, FALSE };

  g_return_val_if_fail (SH_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (find_by_uuid (store, "facility", CASSAVA_FACILITY) != 0)
    return TRUE;

  if (!sh_store_begin (store, error))
    return FALSE;

  add_cassava_plant (&demo);
  add_other_facility (&demo, DEMO_UUID ("000000000003"), "Nhà máy chế biến mủ cao su Sa Thầy",
                      "62", "Sa Thầy", "2212", "rubber", "medium", 95,
                      "Mủ cốm SVR 10, SVR 20", 6000, "t/năm");
  add_other_facility (&demo, DEMO_UUID ("000000000004"), "Công ty CP Chế biến gỗ Ngọc Hồi",
                      "62", "Ngọc Hồi", "1610", "wood", "small", 60,
                      "Gỗ xẻ sấy, ván ghép thanh", 8000, "m3/năm");
  add_other_facility (&demo, DEMO_UUID ("000000000005"), "Công ty TNHH Gạch tuynel Đắk Hà",
                      "62", "Đắk Hà", "2392", "brick", "small", 75,
                      "Gạch 2 lỗ", 30000000, "viên QTC/năm");
  add_other_facility (&demo, DEMO_UUID ("000000000006"), "Nhà máy đường Kon Tum",
                      "62", "Đắk Hà", "1072", "sugar", "large", 320,
                      "Đường RS", 1500, "t mía/ngày");
  add_other_facility (&demo, DEMO_UUID ("000000000007"), "Mỏ đá xây dựng Đắk Tô",
                      "62", "Đắk Tô", "0810", "mining", "small", 40,
                      "Đá 1x2, đá mi", 250000, "m3/năm");
  add_other_facility (&demo, DEMO_UUID ("000000000008"), "Công ty CP Gạch ốp lát Bình Xuyên",
                      "26", "Bình Xuyên", "2392", NULL, "large", 450,
                      "Gạch ốp lát ceramic", 12000000, "m2/năm");
  add_other_facility (&demo, DEMO_UUID ("000000000009"), "Công ty CP Bia Lạng Sơn",
                      "20", "Thành phố Lạng Sơn", "1103", "beer", "medium", 150,
                      "Bia chai, bia hơi", 15000000, "L/năm");
  add_brick_quick_assessment (&demo);

  if (demo.failed)
    {
      sh_store_rollback (store);
      return FALSE;
    }

  return sh_store_commit (store, error);
}
