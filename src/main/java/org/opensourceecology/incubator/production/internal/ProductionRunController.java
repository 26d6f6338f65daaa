package org.opensourceecology.incubator.production.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.opensourceecology.incubator.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The production run page: the producer records units with serial numbers and the enterprise's QC
 * checklist per unit (a per-unit checklist does not fit a Camunda Form); producer and mentor see it.
 */
@Controller
class ProductionRunController {

    /** The recording form; lists bind as units[i].serialNumber and units[i].checks[j].passed. */
    static class RecordForm {
        private BigDecimal unitCost;
        private BigDecimal unitPrice;
        private Integer unitsSold;
        private String currency;
        private String documentationUrl;
        private List<UnitForm> units = new ArrayList<>();

        public BigDecimal getUnitCost() {
            return unitCost;
        }

        public void setUnitCost(BigDecimal unitCost) {
            this.unitCost = unitCost;
        }

        public BigDecimal getUnitPrice() {
            return unitPrice;
        }

        public void setUnitPrice(BigDecimal unitPrice) {
            this.unitPrice = unitPrice;
        }

        public Integer getUnitsSold() {
            return unitsSold;
        }

        public void setUnitsSold(Integer unitsSold) {
            this.unitsSold = unitsSold;
        }

        public String getCurrency() {
            return currency;
        }

        public void setCurrency(String currency) {
            this.currency = currency;
        }

        public String getDocumentationUrl() {
            return documentationUrl;
        }

        public void setDocumentationUrl(String documentationUrl) {
            this.documentationUrl = documentationUrl;
        }

        public List<UnitForm> getUnits() {
            return units;
        }

        public void setUnits(List<UnitForm> units) {
            this.units = units;
        }
    }

    static class UnitForm {
        private String serialNumber;
        private List<CheckForm> checks = new ArrayList<>();

        public String getSerialNumber() {
            return serialNumber;
        }

        public void setSerialNumber(String serialNumber) {
            this.serialNumber = serialNumber;
        }

        public List<CheckForm> getChecks() {
            return checks;
        }

        public void setChecks(List<CheckForm> checks) {
            this.checks = checks;
        }
    }

    static class CheckForm {
        private boolean passed;
        private String measurement;

        public boolean isPassed() {
            return passed;
        }

        public void setPassed(boolean passed) {
            this.passed = passed;
        }

        public String getMeasurement() {
            return measurement;
        }

        public void setMeasurement(String measurement) {
            this.measurement = measurement;
        }
    }

    private final ProductionRuns runs;
    private final ProductionService production;

    ProductionRunController(ProductionRuns runs, ProductionService production) {
        this.runs = runs;
        this.production = production;
    }

    @GetMapping("/production-runs/{id}")
    String page(@PathVariable long id, Model model) {
        var run = visibleRun(id);
        var criteria = runs.criteriaOf(run.enterpriseSlug());
        var form = new RecordForm();
        form.setCurrency(run.currency());
        form.setUnitCost(run.unitCost());
        form.setUnitPrice(run.unitPrice() != null ? run.unitPrice() : run.targetPrice());
        form.setUnitsSold(run.unitsSold());
        form.setDocumentationUrl(run.documentationUrl());
        var recorded = runs.unitsOf(id);
        int rows = Math.max(run.plannedUnits(), recorded.size());
        for (int i = 0; i < rows; i++) {
            var unit = new UnitForm();
            var existing = i < recorded.size() ? recorded.get(i) : null;
            unit.setSerialNumber(existing == null ? "" : existing.serialNumber());
            for (int j = 0; j < criteria.size(); j++) {
                var check = new CheckForm();
                if (existing != null && j < existing.checks().size()) {
                    check.setPassed(existing.checks().get(j).passed());
                    check.setMeasurement(existing.checks().get(j).measurement());
                }
                unit.getChecks().add(check);
            }
            form.getUnits().add(unit);
        }
        return show(model, run, criteria, form);
    }

    @PostMapping("/production-runs/{id}")
    String record(@PathVariable long id, @ModelAttribute("form") RecordForm form, BindingResult binding, Model model) {
        var run = visibleRun(id);
        String userId = CurrentUser.get().orElseThrow().id();
        if (!run.producerId().equals(userId)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only the producer records this run");
        }
        if (!run.status().isRecordable()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "This run is " + run.status());
        }
        var criteria = runs.criteriaOf(run.enterpriseSlug());
        var units = new ArrayList<ProductionRuns.Unit>();
        var serials = new HashSet<String>();
        for (int i = 0; i < form.getUnits().size(); i++) {
            var unit = form.getUnits().get(i);
            String serial =
                    unit.getSerialNumber() == null ? "" : unit.getSerialNumber().trim();
            if (serial.isEmpty()) {
                continue; // a planned unit that was not built
            }
            if (serial.length() > 80 || !serials.add(serial)) {
                binding.rejectValue("units[" + i + "].serialNumber", "production.serial.invalid");
            }
            if (unit.getChecks().size() != criteria.size()) {
                binding.rejectValue("units[" + i + "].serialNumber", "production.checks.incomplete");
                continue;
            }
            var checks = new ArrayList<ProductionRuns.Check>();
            for (int j = 0; j < criteria.size(); j++) {
                var check = unit.getChecks().get(j);
                String measurement = check.getMeasurement() == null
                        ? null
                        : check.getMeasurement().trim();
                if (measurement != null && measurement.length() > 200) {
                    binding.rejectValue(
                            "units[" + i + "].checks[" + j + "].measurement", "production.measurement.long");
                }
                checks.add(new ProductionRuns.Check(criteria.get(j).name(), check.isPassed(), measurement));
            }
            units.add(new ProductionRuns.Unit(serial, checks));
        }
        if (units.isEmpty()) {
            binding.reject("production.units.none");
        }
        if (form.getUnitCost() == null || form.getUnitCost().signum() < 0) {
            binding.rejectValue("unitCost", "production.amount.invalid");
        }
        if (form.getUnitPrice() == null || form.getUnitPrice().signum() < 0) {
            binding.rejectValue("unitPrice", "production.amount.invalid");
        }
        if (form.getUnitsSold() == null || form.getUnitsSold() < 0 || form.getUnitsSold() > units.size()) {
            binding.rejectValue("unitsSold", "production.unitsSold.invalid");
        }
        if (form.getCurrency() == null || !form.getCurrency().trim().matches("[A-Z]{3}")) {
            binding.rejectValue("currency", "production.currency.invalid");
        }
        String doc = form.getDocumentationUrl() == null
                ? ""
                : form.getDocumentationUrl().trim();
        if (!doc.matches("https?://\\S{3,990}")) {
            binding.rejectValue("documentationUrl", "production.documentation.invalid");
        }
        if (binding.hasErrors()) {
            return show(model, run, criteria, form);
        }
        production.record(
                id,
                userId,
                new ProductionRuns.Recording(
                        form.getUnitCost(),
                        form.getUnitPrice(),
                        form.getUnitsSold(),
                        form.getCurrency().trim(),
                        doc,
                        units));
        return "redirect:/production-runs/" + id + "?recorded";
    }

    private String show(Model model, ProductionRuns.Run run, List<ProductionRuns.Criterion> criteria, RecordForm form) {
        model.addAttribute("run", run);
        model.addAttribute("criteria", criteria);
        model.addAttribute("form", form);
        model.addAttribute(
                "editable",
                run.status().isRecordable()
                        && CurrentUser.get()
                                .map(u -> u.id().equals(run.producerId()))
                                .orElse(false));
        return "production/run";
    }

    private ProductionRuns.Run visibleRun(long id) {
        var run = runs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        var user = CurrentUser.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        boolean allowed = user.id().equals(run.producerId()) || user.id().equals(run.mentorId()) || user.isAdmin();
        if (!allowed) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return run;
    }
}
