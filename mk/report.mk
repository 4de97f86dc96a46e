# The whole study in one document: paper-figures/$(PROTOCOL)/report.pdf (LaTeX, pdflatex) and
# report.md, from what make tables and make figures wrote there, with Fig. 2 drawn from $(REPORT_CFG)
# as Darknet builds it (scripts/report.sh; docs/report.md says what the report holds).
#   make report PROTOCOL=P [REPORT_CFG=cfg/resnet18.cfg]
REPORT_CFG ?= cfg/resnet18.cfg
.PHONY: report

report: figures bin/nutl
	scripts/report.sh $(FIGURES_DIR) $(REPORT_CFG)
