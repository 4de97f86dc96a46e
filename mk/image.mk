# make image [IMAGE=nutl:latest] [IMAGE_ISOLATION=chroot]: the OCI image of the CPU build (Containerfile,
# docs/container.md), with `make test` run inside the build, and its docker-archive for Apptainer in
# build/image/. podman, buildah and debootstrap are installed here by scripts/deps.sh (the apt helper of
# make deps) rather than by make deps itself: only this target needs them, and CI's make deps stays lean.
# Not part of make test (it builds for tens of minutes).
.PHONY: image
IMAGE ?= nutl:latest
IMAGE_ARCHIVE := build/image/nutl.tar

image:
	bash scripts/deps.sh podman buildah debootstrap
	scripts/image.sh $(IMAGE) $(IMAGE_ARCHIVE)
